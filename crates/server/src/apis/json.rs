//! The dispatch of AWS JSON 1.1 APIs: an operation table becomes a command enum that parses
//! an action's body, says what the action needs permission for, and calls one app method.
//!
//! Each JSON API (ECS in [`crate::dispatch`], SSM, Secrets Manager, CloudWatch Logs) declares
//! its table with [`json_operations!`](crate::json_operations).

use crate::error::{Error, Result};

/// Declares an API's operation table:
///
/// ```ignore
/// crate::json_operations! {
///     /// A parsed SSM request.
///     SsmCommand, SSM_OPERATIONS, "ssm";
///     PutParameter(PutParameterRequest) => put_parameter;
/// }
/// ```
///
/// generates `enum SsmCommand` with one variant per action, `SSM_OPERATIONS` (the action
/// names, for the coverage test), and `SsmCommand::parse(action, body)` (JSON, then the
/// model's limits through `Validate`), `action()` (`ssm:PutParameter`), and
/// `execute_as(app, caller)`, which calls `app.put_parameter(request)` and serializes its
/// answer. An operation whose method needs to know who calls (to record the caller, or to
/// authorize item by item) is declared `=> put_parameter [caller];` and its method is called
/// as `app.put_parameter(request, caller)`. `execute(app)` runs a command as the
/// administrator. What each command needs permission for is the API's own `access` method,
/// written by hand.
#[macro_export]
macro_rules! json_operations {
    ($(#[$doc:meta])* $command:ident, $operations:ident, $prefix:literal;
     $($action:ident($request:ty) => $method:ident $([$with_caller:ident])?;)*) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub enum $command {
            $($action($request),)*
        }

        /// Every action served, by its AWS name.
        pub const $operations: &[&str] = &[$(stringify!($action)),*];

        impl $command {
            /// Parses the body of `action`. Unknown actions, malformed JSON, wrongly typed
            /// members and values outside the model's limits are rejected here.
            pub fn parse(action: &str, body: &[u8]) -> $crate::error::Result<Self> {
                match action {
                    $(stringify!($action) => {
                        let request: $request = $crate::apis::json::parse_body(body)?;
                        berth_api::Validate::validate(&request, "request")?;
                        Ok($command::$action(request))
                    })*
                    _ => Err($crate::error::Error::UnknownOperation(format!(
                        "The action {action} is not valid for this endpoint."
                    ))),
                }
            }

            /// The action's IAM name, `<prefix>:<Action>`.
            pub fn action(&self) -> &'static str {
                match self {
                    $($command::$action(_) => concat!($prefix, ":", stringify!($action)),)*
                }
            }

            /// Runs the command as the administrator and serializes its response.
            pub async fn execute(self, app: &$crate::app::App) -> $crate::error::Result<serde_json::Value> {
                self.execute_as(app, &$crate::identity::Caller::admin()).await
            }

            /// Runs the command for `caller` (already authorized for what
            /// [`Self::action`] needs) and serializes its response.
            #[allow(unused_variables)]
            pub async fn execute_as(
                self,
                app: &$crate::app::App,
                caller: &$crate::identity::Caller,
            ) -> $crate::error::Result<serde_json::Value> {
                match self {
                    $($command::$action(request) => {
                        let response = app
                            .$method(request $(, { let _ = stringify!($with_caller); caller })?)
                            .await?;
                        serde_json::to_value(response)
                            .map_err(|e| $crate::error::Error::Internal(e.into()))
                    })*
                }
            }
        }
    };
}

/// Decodes a JSON 1.1 body. An empty body is an empty object, as AWS accepts.
pub fn parse_body<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T> {
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        body
    };
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| Error::Serialization(format!("The request body is not valid JSON: {e}")))?;
    if !value.is_object() {
        return Err(Error::Serialization(
            "The request body must be a JSON object.".into(),
        ));
    }
    serde_json::from_value(value).map_err(|e| {
        let message = e.to_string();
        if message.starts_with("missing field") {
            Error::InvalidParameter(format!("A required parameter is missing: {message}"))
        } else if message.starts_with("unknown variant") {
            Error::InvalidParameter(format!(
                "A parameter has a value that is not allowed: {message}"
            ))
        } else {
            Error::Serialization(format!("A parameter has the wrong type: {message}"))
        }
    })
}
