//! The dispatch of AWS Query APIs (IAM, STS, ELBv2): the form body is decoded once, its
//! `Version` checked, and each API's `call` function reads its typed request with
//! [`request`] and renders its answer with [`reply`] or [`reply_empty`].
//!
//! An API whose every action has an output shape (ELBv2) declares its operation table with
//! [`query_operations!`](crate::query_operations), which generates the command enum.

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

/// Declares a Query API's operation table, for APIs whose every action has an output shape:
///
/// ```ignore
/// crate::query_operations! {
///     /// A parsed ELBv2 request.
///     Elbv2Command, ELBV2_OPERATIONS, Api::Elbv2;
///     CreateLoadBalancer(CreateLoadBalancerInput) => create_load_balancer;
/// }
/// ```
///
/// generates `enum Elbv2Command` with one variant per action, `ELBV2_OPERATIONS` (the action
/// names, for the coverage test), and `Elbv2Command::parse(&request)` (the typed request,
/// no unknown parameters, the model's limits), `name()` (the action's name) and
/// `execute(app, request_id)`, which calls `app.create_load_balancer(input)` and renders its
/// output as the action's XML response. What each command needs permission for is the API's
/// own `access` method, written by hand.
#[macro_export]
macro_rules! query_operations {
    ($(#[$doc:meta])* $command:ident, $operations:ident, $api:expr;
     $($action:ident($request:ty) => $method:ident;)*) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub enum $command {
            $($action($request),)*
        }

        /// Every action served, by its AWS name.
        pub const $operations: &[&str] = &[$(stringify!($action)),*];

        impl $command {
            /// Reads the typed request of the action the body names. Unknown actions,
            /// unknown parameters and values outside the model's limits are refused here.
            pub fn parse(request: &$crate::apis::query::QueryRequest) -> $crate::error::Result<Self> {
                match request.action.as_str() {
                    $(stringify!($action) => Ok($command::$action(
                        $crate::apis::query::request::<$request>(&request.params)?,
                    )),)*
                    other => Err($crate::error::Error::UnknownOperation(format!(
                        "The action {other} is not valid for this web service."
                    ))),
                }
            }

            /// The action's AWS name.
            pub fn name(&self) -> &'static str {
                match self {
                    $($command::$action(_) => stringify!($action),)*
                }
            }

            /// Runs the command and renders its response document.
            pub async fn execute(
                self,
                app: &$crate::app::App,
                request_id: &str,
            ) -> $crate::error::Result<String> {
                match self {
                    $($command::$action(request) => {
                        let output = app.$method(request).await?;
                        Ok($crate::apis::query::reply($api, stringify!($action), &output, request_id))
                    })*
                }
            }
        }
    };
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

/// Reads the whole typed request: its members, no unknown parameters, the model's limits.
pub fn request<T: FromQuery + Validate>(params: &QueryParams) -> Result<T> {
    query::parse_request(params).map_err(invalid)
}

/// The answer of an action whose model has an output shape (even an empty one).
pub fn reply<T: ToXml>(api: Api, action: &str, result: &T, request_id: &str) -> String {
    query::response_xml(action, api.xml_namespace(), Some(result), request_id)
}

/// The answer of an action whose model has no output shape.
pub fn reply_empty(api: Api, action: &str, request_id: &str) -> String {
    query::empty_response_xml(action, api.xml_namespace(), request_id)
}

fn invalid(error: QueryError) -> Error {
    Error::InvalidParameter(error.to_string())
}
