//! The AWS front door: every AWS API berth serves arrives at `POST /`, as at an AWS
//! endpoint, and is told apart here.
//!
//! - **AWS JSON 1.1** APIs (ECS, SSM, Secrets Manager, CloudWatch Logs) name their action in
//!   `X-Amz-Target: <prefix>.<Action>`; the prefix says which API.
//! - **AWS Query** APIs (IAM, STS, ELBv2, and EC2 with its own dialect) send a form body
//!   `Action=…&Version=…`; the SigV4 credential scope's service name (`iam`, `sts`,
//!   `elasticloadbalancing`, `ec2`) says which API.
//!
//! A request is then authenticated (SigV4, with the signing name of the API it is for), its
//! caller resolved to a [`Principal`], and handed to that API's dispatch, which authorizes
//! it ([`crate::App::authorize`]) and calls the app layer. Errors from anywhere come back
//! as one [`Error`] and are rendered here, in the API's own protocol: a JSON
//! `{"__type", "message"}` body or an XML `<ErrorResponse>` (EC2: `<Response><Errors>`).
//!
//! Pointing the stock clients at berth takes one endpoint URL for all of them: `DIR/env`
//! exports `AWS_ENDPOINT_URL_<SERVICE>` for every API in [`Api::served`].

pub mod ec2;
pub mod elbv2;
pub mod iam;
pub mod json;
pub mod logs;
pub mod query;
pub mod secretsmanager;
pub mod ssm;
pub mod sts;

use std::borrow::Cow;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use http::request::Parts;

use crate::app::App;
use crate::dispatch::Command;
use crate::error::{Error, Result};
use crate::identity::{Caller, Principal};
use crate::sigv4::{self, SigV4Error};

/// An AWS API berth knows of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Api {
    Ecs,
    Ssm,
    SecretsManager,
    Logs,
    Iam,
    Sts,
    Elbv2,
    Ec2,
}

/// How an API's requests and responses are encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// AWS JSON 1.1: `X-Amz-Target`, JSON bodies both ways.
    Json,
    /// AWS Query: a form body with `Action` and `Version`, XML responses.
    Query,
}

impl Api {
    /// Every API, in the order `DIR/env` lists them.
    pub const ALL: &'static [Api] = &[
        Api::Ecs,
        Api::Ssm,
        Api::SecretsManager,
        Api::Logs,
        Api::Iam,
        Api::Sts,
        Api::Elbv2,
        Api::Ec2,
    ];

    /// The APIs this server answers. The others are refused as unknown operations.
    pub fn served() -> impl Iterator<Item = Api> {
        Self::ALL.iter().copied().filter(|api| api.is_served())
    }

    pub fn is_served(self) -> bool {
        matches!(
            self,
            Api::Ecs
                | Api::Ssm
                | Api::SecretsManager
                | Api::Logs
                | Api::Iam
                | Api::Sts
                | Api::Elbv2
                | Api::Ec2
        )
    }

    /// The SigV4 signing name requests must be scoped to.
    pub fn signing_name(self) -> &'static str {
        match self {
            Api::Ecs => berth_api::SIGNING_SERVICE,
            Api::Ssm => "ssm",
            Api::SecretsManager => "secretsmanager",
            Api::Logs => "logs",
            Api::Iam => "iam",
            Api::Sts => "sts",
            Api::Elbv2 => "elasticloadbalancing",
            Api::Ec2 => "ec2",
        }
    }

    /// The IAM service prefix of the API's actions (`ecs:RunTask`).
    pub fn action_prefix(self) -> &'static str {
        match self {
            Api::Elbv2 => "elasticloadbalancing",
            other => other.signing_name(),
        }
    }

    pub fn protocol(self) -> Protocol {
        match self {
            Api::Ecs | Api::Ssm | Api::SecretsManager | Api::Logs => Protocol::Json,
            Api::Iam | Api::Sts | Api::Elbv2 | Api::Ec2 => Protocol::Query,
        }
    }

    /// The `X-Amz-Target` prefix of a JSON API.
    pub fn target_prefix(self) -> Option<&'static str> {
        match self {
            Api::Ecs => Some(berth_api::TARGET_PREFIX),
            Api::Ssm => Some("AmazonSSM"),
            Api::SecretsManager => Some("secretsmanager"),
            Api::Logs => Some("Logs_20140328"),
            Api::Iam | Api::Sts | Api::Elbv2 | Api::Ec2 => None,
        }
    }

    /// The `Version` a Query API's requests carry.
    pub fn query_version(self) -> Option<&'static str> {
        match self {
            Api::Iam => Some("2010-05-08"),
            Api::Sts => Some("2011-06-15"),
            Api::Elbv2 => Some("2015-12-01"),
            Api::Ec2 => Some("2016-11-15"),
            _ => None,
        }
    }

    /// The XML namespace of a Query API's responses.
    pub fn xml_namespace(self) -> &'static str {
        match self {
            Api::Iam => "https://iam.amazonaws.com/doc/2010-05-08/",
            Api::Sts => "https://sts.amazonaws.com/doc/2011-06-15/",
            Api::Elbv2 => "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/",
            Api::Ec2 => "http://ec2.amazonaws.com/doc/2016-11-15/",
            _ => "",
        }
    }

    /// The environment variable with which the AWS CLI and SDKs take this API's endpoint.
    pub fn endpoint_variable(self) -> &'static str {
        match self {
            Api::Ecs => "AWS_ENDPOINT_URL_ECS",
            Api::Ssm => "AWS_ENDPOINT_URL_SSM",
            Api::SecretsManager => "AWS_ENDPOINT_URL_SECRETS_MANAGER",
            Api::Logs => "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS",
            Api::Iam => "AWS_ENDPOINT_URL_IAM",
            Api::Sts => "AWS_ENDPOINT_URL_STS",
            Api::Elbv2 => "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2",
            Api::Ec2 => "AWS_ENDPOINT_URL_EC2",
        }
    }

    /// Whether clients sign for `us-east-1` whatever their region (IAM and STS are global
    /// services; clients scope them to `us-east-1`, or to their own region).
    fn is_global(self) -> bool {
        matches!(self, Api::Iam | Api::Sts)
    }

    /// The largest request body accepted. PutLogEvents carries up to 1 MiB of events, which
    /// JSON escaping can make several times larger; everything else fits in 1 MiB.
    pub fn max_body(self) -> usize {
        match self {
            Api::Logs => MAX_LOGS_BODY_BYTES,
            _ => MAX_BODY_BYTES,
        }
    }

    fn from_target_prefix(prefix: &str) -> Option<Api> {
        Self::ALL
            .iter()
            .copied()
            .find(|api| api.target_prefix() == Some(prefix))
    }

    fn from_query_signing_name(name: &str) -> Option<Api> {
        Self::ALL
            .iter()
            .copied()
            .find(|api| api.protocol() == Protocol::Query && api.signing_name() == name)
    }
}

/// The largest body of any API but CloudWatch Logs.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// The largest PutLogEvents body.
pub const MAX_LOGS_BODY_BYTES: usize = 6 * 1024 * 1024;
/// The largest body read before the API is known.
pub const MAX_ANY_BODY_BYTES: usize = MAX_LOGS_BODY_BYTES;

/// An error as it goes on the wire, in the vocabulary of the API that was called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError {
    pub code: Cow<'static, str>,
    pub message: String,
    pub status: u16,
}

impl WireError {
    pub fn new(
        code: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
        status: u16,
    ) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            status,
        }
    }
}

/// What a request is for, told from its head alone.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Route {
    /// A JSON API and the action its target names.
    Json { api: Api, action: String },
    /// A Query API; the action is in the body.
    Query { api: Api },
}

/// Tells the API apart. An unknown target or scope is an unknown operation of ECS, the API
/// berth has always answered at this endpoint.
fn route(parts: &Parts) -> std::result::Result<Route, (Api, Error)> {
    if let Some(target) = parts.headers.get("x-amz-target") {
        let target = target.to_str().unwrap_or("");
        let unknown = || {
            (
                Api::Ecs,
                Error::UnknownOperation(format!(
                    "The X-Amz-Target header '{target}' does not name an action of an API berth serves."
                )),
            )
        };
        let (prefix, action) = target.rsplit_once('.').ok_or_else(unknown)?;
        let api = Api::from_target_prefix(prefix).ok_or_else(unknown)?;
        if action.is_empty() {
            return Err(unknown());
        }
        return Ok(Route::Json {
            api,
            action: action.to_owned(),
        });
    }
    match sigv4::claimed_scope(parts) {
        Ok((_, service)) => match Api::from_query_signing_name(&service) {
            Some(api) => Ok(Route::Query { api }),
            None => Err((
                Api::Ecs,
                Error::UnknownOperation(format!(
                    "The request has no X-Amz-Target header, and is signed for '{service}', which is not an AWS Query API berth serves (IAM, STS, ELBv2, EC2)."
                )),
            )),
        },
        // Unsigned or unreadable: let authentication say what is wrong, in ECS's terms (or
        // in the Query API's that the form body's `Version` names, once it is read).
        Err(_) => Ok(Route::Json {
            api: Api::Ecs,
            action: String::new(),
        }),
    }
}

/// The Query API an unsigned form request is for, told by its `Version`, so that its
/// authentication error comes in that API's protocol.
fn unsigned_query_api(parts: &Parts, body: &[u8]) -> Option<Api> {
    let form = parts
        .headers
        .get(http::header::CONTENT_TYPE)?
        .to_str()
        .ok()?
        .starts_with("application/x-www-form-urlencoded");
    if !form {
        return None;
    }
    let version = berth_api::query::QueryParams::parse(body)
        .ok()?
        .version()?
        .to_owned();
    Api::ALL
        .iter()
        .copied()
        .find(|api| api.query_version() == Some(version.as_str()))
}

/// Serves `POST /`.
pub async fn serve(
    app: Arc<App>,
    parts: Parts,
    body: axum::body::Body,
    peer: Option<SocketAddr>,
) -> Response {
    let request_id = uuid::Uuid::new_v4().to_string();
    let route = match route(&parts) {
        Ok(route) => route,
        Err((api, error)) => return error_response(api, &error.to_wire(api), &request_id),
    };
    let mut api = match &route {
        Route::Json { api, .. } | Route::Query { api } => *api,
    };
    let body = match axum::body::to_bytes(body, api.max_body()).await {
        Ok(body) => body,
        Err(_) => {
            let error = WireError::new(
                "RequestEntityTooLargeException",
                format!("The request body must be at most {} bytes.", api.max_body()),
                413,
            );
            return error_response(api, &error, &request_id);
        }
    };
    if matches!(&route, Route::Json { action, .. } if action.is_empty()) {
        if let Some(query_api) = unsigned_query_api(&parts, &body) {
            api = query_api;
        }
    }
    let caller = match authenticate(&app, api, &parts, &body, peer) {
        Ok(caller) => caller,
        Err(error) => return error_response(api, &error, &request_id),
    };
    if !api.is_served() {
        let error = Error::UnknownOperation(format!(
            "This berth server does not serve the {} API yet.",
            api.signing_name()
        ));
        return error_response(api, &error.to_wire(api), &request_id);
    }
    let started = std::time::Instant::now();
    let outcome = match &route {
        Route::Json { action, .. } => call_json(&app, &caller, api, action, &body, &parts)
            .await
            .map(Reply::Json),
        Route::Query { .. } => call_query(&app, &caller, api, &body, &request_id)
            .await
            .map(Reply::Xml),
    };
    tracing::debug!(
        api = api.signing_name(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        ok = outcome.is_ok(),
        "aws request"
    );
    match outcome {
        Ok(reply) => reply.into_response(api, &request_id),
        Err(error) => error_response(api, &error.to_wire(api), &request_id),
    }
}

/// A successful answer, in the API's protocol.
enum Reply {
    Json(serde_json::Value),
    Xml(String),
}

impl Reply {
    fn into_response(self, api: Api, request_id: &str) -> Response {
        let (content_type, mut response) = match self {
            Reply::Json(value) => (
                "application/x-amz-json-1.1",
                axum::Json(value).into_response(),
            ),
            Reply::Xml(xml) => ("text/xml", xml.into_response()),
        };
        let _ = api;
        set_headers(response.headers_mut(), content_type, request_id, None);
        response
    }
}

async fn call_json(
    app: &App,
    caller: &Caller,
    api: Api,
    action: &str,
    body: &[u8],
    parts: &Parts,
) -> Result<serde_json::Value> {
    match api {
        Api::Ecs => {
            let command = Command::parse(action, body)?;
            app.authorize_with(caller, || command.access(app))?;
            if let Command::ExecuteCommand(request) = command {
                // The session's stream is served where the caller reached this server.
                let origin = stream_origin(app, parts);
                let response = app.execute_command_at(request, &origin).await?;
                return serde_json::to_value(response).map_err(|e| Error::Internal(e.into()));
            }
            command.execute(app).await
        }
        Api::Ssm => {
            let command = ssm::SsmCommand::parse(action, body)?;
            app.authorize_with(caller, || command.access(app))?;
            command.execute_as(app, caller).await
        }
        Api::SecretsManager => {
            let command = secretsmanager::SecretsManagerCommand::parse(action, body)?;
            // Finding a secret's full ARN reads the store: only for callers with policies.
            if !caller.principal.is_admin() {
                app.authorize(caller, &command.access(app).await)?;
            }
            command.execute_as(app, caller).await
        }
        Api::Logs => {
            let command = logs::LogsCommand::parse(action, body)?;
            app.authorize_with(caller, || command.access(app))?;
            command.execute(app).await
        }
        other => Err(Error::UnknownOperation(format!(
            "The action {action} is not valid for the {} API.",
            other.signing_name()
        ))),
    }
}

async fn call_query(
    app: &App,
    caller: &Caller,
    api: Api,
    body: &[u8],
    request_id: &str,
) -> Result<String> {
    let request = query::decode(api, body)?;
    match api {
        Api::Iam => {
            let command = iam::IamCommand::parse(&request.action, &request.params)?;
            app.authorize_with(caller, || command.access(app, caller))?;
            command.execute(app, caller, request_id).await
        }
        Api::Sts => {
            let command = sts::StsCommand::parse(&request.action, &request.params)?;
            app.authorize_with(caller, || command.access(app, caller))?;
            command.execute(app, caller, request_id).await
        }
        Api::Elbv2 => {
            // The decoded parameters are not `Sync`: the typed command is made before any
            // await.
            let command = elbv2::Elbv2Command::parse(&request.action, &request.params)?;
            drop(request);
            app.authorize_with(caller, || command.access(app))?;
            command.execute(app, caller, request_id).await
        }
        Api::Ec2 => {
            let command = ec2::Ec2Command::parse(&request.action, &request.params)?;
            drop(request);
            app.authorize_with(caller, || command.access(app))?;
            command.refuse_dry_run()?;
            command.execute(app, caller, request_id).await
        }
        other => Err(Error::UnknownOperation(format!(
            "The action {} is not valid for the {} API.",
            request.action,
            other.signing_name()
        ))),
    }
}

/// `ws://HOST` (or `wss://` over TLS) for the `Host` the request was sent to, when it is a
/// plain host name or address with an optional port; else the server's own address.
fn stream_origin(app: &App, parts: &Parts) -> String {
    let host = parts
        .headers
        .get(http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 255
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        });
    match host {
        Some(host) => {
            let scheme = if app.serves_tls() { "wss" } else { "ws" };
            format!("{scheme}://{host}")
        }
        None => app.exec_origin(),
    }
}

/// Checks the signature with the key's secret (an access key in the store, or the sealed
/// secret of a session token) and says who signed.
fn authenticate(
    app: &App,
    api: Api,
    parts: &Parts,
    body: &[u8],
    peer: Option<SocketAddr>,
) -> std::result::Result<Caller, WireError> {
    let region = match sigv4::claimed_scope(parts) {
        Ok((region, _)) if api.is_global() && region == "us-east-1" => region,
        _ => app.config.scope.region.clone(),
    };
    let config = sigv4::VerifyConfig {
        region,
        service: api.signing_name().to_owned(),
        max_skew: sigv4::DEFAULT_MAX_SKEW,
    };
    let token = sigv4::session_token(parts);
    let found = std::cell::RefCell::new(None::<Principal>);
    let session_error = std::cell::RefCell::new(None);
    let lookup = |access_key_id: &str| -> Option<String> {
        match app.resolve_access_key(access_key_id, token.as_deref()) {
            Ok(Some((secret, principal))) => {
                *found.borrow_mut() = Some(principal);
                Some(secret)
            }
            Ok(None) => None,
            Err(error) => {
                *session_error.borrow_mut() = Some(error);
                None
            }
        }
    };
    let verified = sigv4::verify(
        parts,
        body,
        &lookup,
        &config,
        time::OffsetDateTime::now_utc(),
    );
    if let Some(error) = session_error.into_inner() {
        use crate::identity::SessionError::{Expired, Invalid, RoleDeleted};
        let (code, status) = match (api.protocol(), &error) {
            (Protocol::Query, Expired) => ("ExpiredToken", 403),
            (Protocol::Query, Invalid | RoleDeleted) => ("InvalidClientTokenId", 403),
            (Protocol::Json, Expired) => ("ExpiredTokenException", 400),
            (Protocol::Json, Invalid | RoleDeleted) => ("UnrecognizedClientException", 400),
        };
        return Err(WireError::new(code, error.to_string(), status));
    }
    match verified {
        Ok(_) => {
            let principal = found
                .into_inner()
                .ok_or_else(|| sigv4_wire_error(api, &SigV4Error::UnrecognizedClient))?;
            Ok(Caller {
                principal,
                source_ip: peer.map(|p| p.ip()),
                secure: app.serves_tls(),
            })
        }
        Err(error) => Err(sigv4_wire_error(api, &error)),
    }
}

/// A SigV4 failure in the API's terms: JSON APIs use ECS's names, Query APIs their own.
fn sigv4_wire_error(api: Api, error: &SigV4Error) -> WireError {
    let ecs = error.to_api_error();
    if api.protocol() == Protocol::Json {
        return WireError::new(ecs.code.as_str(), ecs.message, ecs.code.http_status());
    }
    use berth_api::ErrorCode::*;
    let code = match ecs.code {
        MissingAuthenticationTokenException => "MissingAuthenticationToken",
        UnrecognizedClientException | InvalidClientTokenId => "InvalidClientTokenId",
        InvalidSignatureException | SignatureDoesNotMatch => "SignatureDoesNotMatch",
        IncompleteSignatureException => "IncompleteSignature",
        RequestExpired => "RequestExpired",
        other => other.as_str(),
    };
    WireError::new(code, ecs.message, 403)
}

fn set_headers(
    headers: &mut HeaderMap,
    content_type: &'static str,
    request_id: &str,
    error_type: Option<&str>,
) {
    headers.insert("content-type", HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(request_id) {
        headers.insert("x-amzn-requestid", value);
    }
    if let Some(value) = error_type.and_then(|t| HeaderValue::from_str(t).ok()) {
        headers.insert("x-amzn-errortype", value);
    }
}

/// Renders an error in the API's protocol.
pub fn error_response(api: Api, error: &WireError, request_id: &str) -> Response {
    let status = StatusCode::from_u16(error.status).unwrap_or(StatusCode::BAD_REQUEST);
    match api.protocol() {
        Protocol::Json => {
            let body = serde_json::json!({ "__type": error.code, "message": error.message });
            let mut response = (status, axum::Json(body)).into_response();
            set_headers(
                response.headers_mut(),
                "application/x-amz-json-1.1",
                request_id,
                Some(&error.code),
            );
            response
        }
        Protocol::Query if api == Api::Ec2 => {
            let xml = berth_api::query::ec2_error_xml(&error.code, &error.message, request_id);
            let mut response = (status, xml).into_response();
            set_headers(response.headers_mut(), "text/xml", request_id, None);
            response
        }
        Protocol::Query => {
            let xml = berth_api::query::error_xml(
                api.xml_namespace(),
                error.status < 500,
                &error.code,
                &error.message,
                request_id,
            );
            let mut response = (status, xml).into_response();
            set_headers(response.headers_mut(), "text/xml", request_id, None);
            response
        }
    }
}

/// Reads a body for an administration or agent endpoint, under the common limit.
pub async fn read_body(body: axum::body::Body) -> std::result::Result<Bytes, WireError> {
    axum::body::to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| {
            WireError::new(
                "RequestEntityTooLargeException",
                format!("The request body must be at most {MAX_BODY_BYTES} bytes."),
                413,
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(headers: &[(&str, &str)]) -> Parts {
        let mut builder = http::Request::builder().method("POST").uri("/");
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(()).expect("a request").into_parts().0
    }

    #[test]
    fn json_apis_are_told_apart_by_their_target_prefix() {
        for api in Api::ALL.iter().filter(|a| a.protocol() == Protocol::Json) {
            let target = format!("{}.DoThing", api.target_prefix().unwrap());
            assert_eq!(
                route(&parts(&[("x-amz-target", &target)])).ok(),
                Some(Route::Json {
                    api: *api,
                    action: "DoThing".into()
                })
            );
        }
        assert!(route(&parts(&[("x-amz-target", "Nope_2020.Do")])).is_err());
        assert!(route(&parts(&[("x-amz-target", "AmazonSSM.")])).is_err());
    }

    #[test]
    fn query_apis_are_told_apart_by_their_signing_name() {
        for (service, api) in [
            ("iam", Api::Iam),
            ("sts", Api::Sts),
            ("elasticloadbalancing", Api::Elbv2),
            ("ec2", Api::Ec2),
        ] {
            let auth = format!(
                "AWS4-HMAC-SHA256 Credential=AK/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=00"
            );
            assert_eq!(
                route(&parts(&[
                    ("authorization", &auth),
                    ("x-amz-date", "20260101T000000Z")
                ]))
                .ok(),
                Some(Route::Query { api })
            );
        }
        let auth = "AWS4-HMAC-SHA256 Credential=AK/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00";
        assert!(route(&parts(&[
            ("authorization", auth),
            ("x-amz-date", "20260101T000000Z")
        ]))
        .is_err());
    }

    #[test]
    fn errors_render_in_each_protocol() {
        let error = Error::AccessDenied("User: x is not authorized".into());
        let json = error.to_wire(Api::Ssm);
        assert_eq!(json.code, "AccessDeniedException");
        let query = error.to_wire(Api::Iam);
        assert_eq!((query.code.as_ref(), query.status), ("AccessDenied", 403));
        let response = error_response(Api::Iam, &query, "rid");
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            Error::invalid("bad").to_wire(Api::Ssm).code,
            "ValidationException"
        );
        assert_eq!(
            Error::invalid("bad").to_wire(Api::Ecs).code,
            "InvalidParameterException"
        );
    }
}
