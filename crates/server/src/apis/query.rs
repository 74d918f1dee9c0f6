//! The dispatch of AWS Query APIs (IAM, STS, ELBv2, EC2): the form body is decoded once, its
//! `Version` checked, and each API's operation table ([`query_operations!`]
//! (crate::query_operations)) reads its typed request with [`request`] and renders its
//! answer with [`reply`] or [`reply_empty`] (through [`QueryReply`]).

use berth_api::query::{self, FromQuery, QueryError, QueryParams, ToXml};
use berth_api::Validate;

use super::Api;
use crate::error::{Error, Result};

/// A decoded Query request: its action and parameters.
#[derive(Debug)]
pub struct QueryRequest {
    pub action: String,
    pub params: QueryParams,
}

/// Decodes a body for `api`: it must name an action and carry the API's version.
pub fn decode(api: Api, body: &[u8]) -> Result<QueryRequest> {
    let params = QueryParams::parse(body).map_err(invalid)?;
    let action = params
        .action()
        .filter(|a| !a.is_empty())
        .ok_or_else(|| Error::invalid("The request must have an Action parameter."))?
        .to_owned();
    let expected = api.query_version().unwrap_or_default();
    match params.version() {
        Some(version) if version == expected => {}
        Some(version) => {
            return Err(Error::invalid(format!(
                "Version '{version}' is not valid for this API; use {expected}."
            )))
        }
        None => {
            return Err(Error::invalid(format!(
                "The request must have a Version parameter ({expected})."
            )))
        }
    }
    Ok(QueryRequest { action, params })
}

/// Reads the whole typed request of `api`: its members, no unknown parameters, the
/// model's limits. EC2 names a missing parameter `MissingParameter` and an unknown one
/// `UnknownParameter`; the other Query APIs answer `ValidationError` for both.
pub fn request<T: FromQuery + Validate>(api: Api, params: &QueryParams) -> Result<T> {
    query::parse_request(params).map_err(|error| match (api, &error) {
        (Api::Ec2, QueryError::Missing { .. }) => Error::api("MissingParameter", error.to_string()),
        (Api::Ec2, QueryError::UnknownParameter { .. }) => {
            Error::api("UnknownParameter", error.to_string())
        }
        _ => invalid(error),
    })
}

/// The answer of an action whose model has an output shape (even an empty one).
/// EC2's answers carry the output's members without a `…Result` wrapper.
pub fn reply<T: ToXml>(api: Api, action: &str, result: &T, request_id: &str) -> String {
    if api == Api::Ec2 {
        return query::ec2_response_xml(action, api.xml_namespace(), Some(result), request_id);
    }
    query::response_xml(action, api.xml_namespace(), Some(result), request_id)
}

/// The answer of an action whose model has no output shape. EC2 says `<return>true</return>`
/// there, as AWS does.
pub fn reply_empty(api: Api, action: &str, request_id: &str) -> String {
    if api == Api::Ec2 {
        return query::ec2_response_xml(action, api.xml_namespace(), Some(&Ec2Return), request_id);
    }
    query::empty_response_xml(action, api.xml_namespace(), request_id)
}

/// The `<return>true</return>` of an EC2 action without output.
struct Ec2Return;

impl ToXml for Ec2Return {
    fn write_xml(&self, w: &mut query::XmlWriter) {
        w.element("return", "true");
    }
}

/// What an app method of a Query API returns: a response shape written inside
/// `<{Action}Result>`, or [`NoOutput`] for actions whose model has no output.
pub trait QueryReply {
    fn render(&self, api: Api, action: &str, request_id: &str) -> String;
}

impl<T: ToXml> QueryReply for T {
    fn render(&self, api: Api, action: &str, request_id: &str) -> String {
        reply(api, action, self, request_id)
    }
}

/// The answer of an action without output (`DeleteRole`, `PutRolePolicy`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoOutput;

impl QueryReply for NoOutput {
    fn render(&self, api: Api, action: &str, request_id: &str) -> String {
        reply_empty(api, action, request_id)
    }
}

/// Declares a Query API's operation table:
///
/// ```ignore
/// crate::query_operations! {
///     /// A parsed IAM request.
///     IamCommand, IAM_OPERATIONS, Api::Iam, "iam", with_caller;
///     CreateRole(CreateRoleRequest) => create_role;
/// }
/// ```
///
/// generates `enum IamCommand` with one variant per action, `IAM_OPERATIONS` (the action
/// names, for the coverage test), and `IamCommand::parse(action, params)` (the typed
/// request, the model's limits, no unknown parameters), `name()` (`CreateRole`), `action()`
/// (`iam:CreateRole`) and `execute(app, caller, request_id)`, which calls
/// `app.create_role(caller, request)` (or `app.create_role(request)` without `with_caller`,
/// for APIs whose answers do not depend on who asks) and renders its [`QueryReply`]. What
/// each command needs permission for is the API's own `access` method, written by hand.
#[macro_export]
macro_rules! query_operations {
    ($(#[$doc:meta])* $command:ident, $operations:ident, $api:expr, $prefix:literal, with_caller;
     $($body:tt)*) => {
        $crate::query_operations!(@table [with_caller] $(#[$doc])* $command, $operations, $api, $prefix; $($body)*);
    };
    ($(#[$doc:meta])* $command:ident, $operations:ident, $api:expr, $prefix:literal;
     $($body:tt)*) => {
        $crate::query_operations!(@table [] $(#[$doc])* $command, $operations, $api, $prefix; $($body)*);
    };
    (@table $calling:tt $(#[$doc:meta])* $command:ident, $operations:ident, $api:expr, $prefix:literal;
     $($action:ident($request:ty) => $method:ident;)*) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub enum $command {
            $($action($request),)*
        }

        /// Every action served, by its AWS name.
        pub const $operations: &[&str] = &[$(stringify!($action)),*];

        impl $command {
            /// Reads the request of `action` from its parameters.
            pub fn parse(
                action: &str,
                params: &berth_api::query::QueryParams,
            ) -> $crate::error::Result<Self> {
                match action {
                    $(stringify!($action) => Ok($command::$action(
                        $crate::apis::query::request::<$request>($api, params)?,
                    )),)*
                    _ => Err($crate::error::Error::UnknownOperation(format!(
                        "The action {action} is not valid for this web service."
                    ))),
                }
            }

            /// The action's AWS name.
            pub fn name(&self) -> &'static str {
                match self {
                    $($command::$action(_) => stringify!($action),)*
                }
            }

            /// The action's IAM name, `<prefix>:<Action>`.
            pub fn action(&self) -> &'static str {
                match self {
                    $($command::$action(_) => concat!($prefix, ":", stringify!($action)),)*
                }
            }

            /// Runs the command and renders its answer.
            pub async fn execute(
                self,
                app: &$crate::app::App,
                caller: &$crate::identity::Caller,
                request_id: &str,
            ) -> $crate::error::Result<String> {
                use $crate::apis::query::QueryReply as _;
                let _ = caller;
                match self {
                    $($command::$action(request) => {
                        let answer = $crate::query_operations!(
                            @call $calling app, caller, $method, request
                        ).await?;
                        Ok(answer.render($api, stringify!($action), request_id))
                    })*
                }
            }
        }
    };
    (@call [with_caller] $app:ident, $caller:ident, $method:ident, $request:ident) => {
        $app.$method($caller, $request)
    };
    (@call [] $app:ident, $caller:ident, $method:ident, $request:ident) => {
        $app.$method($request)
    };
}

fn invalid(error: QueryError) -> Error {
    Error::InvalidParameter(error.to_string())
}
