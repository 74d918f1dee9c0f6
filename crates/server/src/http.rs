//! The HTTP surface: `POST /` is every AWS API berth serves (SigV4; see [`crate::apis`]),
//! `/agent/v1/…` is the agent protocol (agent credential), `/control/v1/…` is
//! administration (SigV4, the administrator only), `/healthz` answers when the server is up.
//!
//! Handlers only unpack, authenticate, call the app layer, and render errors; the one
//! place that turns a domain error into an AWS error body is [`Error::to_wire`].

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use berth_api::protocol::{AgentApiError, RegisterRequest, ReportRequest};
use berth_api::{ApiError, ErrorCode};
use serde::Deserialize;

use crate::app::{AgentIdentity, App, TaskSecretsError};
use crate::error::Error;
use crate::sigv4;

/// The largest request body of the agent and administration endpoints.
pub use crate::apis::MAX_BODY_BYTES;

/// Builds the router over the app.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", post(aws_api))
        .route("/healthz", get(|| async { "ok" }))
        .route("/agent/v1/register", post(agent_register))
        .route("/agent/v1/desired", get(agent_desired))
        .route("/agent/v1/report", post(agent_report))
        .route("/agent/v1/tasks/secrets", get(agent_task_secrets))
        .route("/agent/v1/tasks/tags", get(agent_task_tags))
        .route("/agent/v1/tasks/credentials", get(agent_task_credentials))
        .route("/agent/v1/logs/open", post(agent_open_log_stream))
        .route("/agent/v1/logs/put", post(agent_put_logs))
        .route("/agent/v1/exec/grants", get(agent_exec_grants))
        .route("/agent/v1/exec/sessions/{id}", get(agent_exec_attach))
        .route("/exec/v1/sessions/{id}/stream", get(exec_stream))
        .route("/control/v1/join-tokens", post(control_join_token))
        .merge(crate::data_plane::routes())
        // The limit is enforced while reading, so an oversized body is never buffered;
        // `POST /` applies each API's own limit below this one.
        .layer(DefaultBodyLimit::max(crate::apis::MAX_ANY_BODY_BYTES))
        .with_state(app)
}

fn aws_error(error: &ApiError) -> Response {
    let status = StatusCode::from_u16(error.code.http_status()).unwrap_or(StatusCode::BAD_REQUEST);
    let mut response = (status, Json(error.body())).into_response();
    let headers = response.headers_mut();
    headers.insert(
        "content-type",
        HeaderValue::from_static("application/x-amz-json-1.1"),
    );
    if let Ok(value) = HeaderValue::from_str(error.code.as_str()) {
        headers.insert("x-amzn-errortype", value);
    }
    headers.insert("x-amzn-requestid", request_id());
    response
}

fn request_id() -> HeaderValue {
    HeaderValue::from_str(&uuid::Uuid::new_v4().to_string())
        .unwrap_or_else(|_| HeaderValue::from_static("0"))
}

/// Verifies a request's SigV4 signature (for the ECS signing name) and that the
/// administrator signed it: the administration endpoints are the administrator's alone.
fn authenticate_admin(
    app: &App,
    parts: &http::request::Parts,
    body: &[u8],
) -> Result<(), ApiError> {
    let found_admin = std::cell::Cell::new(false);
    let lookup = |access_key_id: &str| match app.resolve_access_key(access_key_id, None) {
        Ok(Some((secret, principal))) => {
            found_admin.set(principal.is_admin());
            Some(secret)
        }
        _ => None,
    };
    let config = sigv4::VerifyConfig::ecs(app.config.scope.region.clone());
    sigv4::verify(
        parts,
        body,
        &lookup,
        &config,
        time::OffsetDateTime::now_utc(),
    )
    .map_err(|e| e.to_api_error())?;
    if !found_admin.get() {
        return Err(ApiError::new(
            ErrorCode::AccessDeniedException,
            "Only the administrator may use the administration API.",
        ));
    }
    Ok(())
}

/// The address of the peer of a connection, on any listener whose addresses are socket
/// addresses (plain TCP and TLS alike).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeerAddr(pub std::net::SocketAddr);

impl
    axum::extract::connect_info::Connected<axum::serve::IncomingStream<'_, tokio::net::TcpListener>>
    for PeerAddr
{
    fn connect_info(stream: axum::serve::IncomingStream<'_, tokio::net::TcpListener>) -> Self {
        PeerAddr(*stream.remote_addr())
    }
}

impl
    axum::extract::connect_info::Connected<axum::serve::IncomingStream<'_, crate::tls::TlsListener>>
    for PeerAddr
{
    fn connect_info(stream: axum::serve::IncomingStream<'_, crate::tls::TlsListener>) -> Self {
        PeerAddr(*stream.remote_addr())
    }
}

async fn aws_api(
    State(app): State<Arc<App>>,
    ConnectInfo(PeerAddr(peer)): ConnectInfo<PeerAddr>,
    request: Request<axum::body::Body>,
) -> Response {
    let (parts, body) = request.into_parts();
    crate::apis::serve(app, parts, body, Some(peer)).await
}

pub(crate) fn agent_error(status: StatusCode, error: &str, message: impl Into<String>) -> Response {
    (
        status,
        Json(AgentApiError {
            error: error.to_owned(),
            message: message.into(),
        }),
    )
        .into_response()
}

fn domain_agent_error(err: Error) -> Response {
    let api = err.to_api();
    match err {
        Error::Client(_) => agent_error(StatusCode::FORBIDDEN, "forbidden", api.message),
        Error::InvalidParameter(_) | Error::Serialization(_) => {
            agent_error(StatusCode::BAD_REQUEST, "invalid", api.message)
        }
        Error::Conflict => agent_error(StatusCode::CONFLICT, "conflict", api.message),
        Error::ResourceNotFound(_) => agent_error(StatusCode::NOT_FOUND, "not_found", api.message),
        Error::AccessDenied(_) => agent_error(StatusCode::FORBIDDEN, "forbidden", api.message),
        Error::Api {
            code: "ResourceNotFoundException",
            message,
            ..
        } => agent_error(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("ResourceNotFoundException: {message}"),
        ),
        Error::Api {
            status, message, ..
        } if status >= 500 => agent_error(
            StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            "unavailable",
            message,
        ),
        _ => agent_error(StatusCode::INTERNAL_SERVER_ERROR, "internal", api.message),
    }
}

pub(crate) fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get("authorization")?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
}

fn authenticate_agent(app: &App, headers: &HeaderMap) -> Result<AgentIdentity, Response> {
    let Some(token) = bearer(headers) else {
        return Err(agent_error(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "A bearer credential is required.",
        ));
    };
    app.authenticate_agent(token).ok_or_else(|| {
        agent_error(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "The agent credential is not valid.",
        )
    })
}

fn parse_json<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, Response> {
    serde_json::from_slice(body).map_err(|e| {
        agent_error(
            StatusCode::BAD_REQUEST,
            "invalid",
            format!("Malformed request: {e}"),
        )
    })
}

async fn agent_register(State(app): State<Arc<App>>, headers: HeaderMap, body: Bytes) -> Response {
    let Some(token) = bearer(&headers) else {
        return agent_error(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "A join token is required.",
        );
    };
    let request: RegisterRequest = match parse_json(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    match app.register_agent(token, request).await {
        Ok(response) => Json(response).into_response(),
        Err(Error::Client(message)) => {
            agent_error(StatusCode::UNAUTHORIZED, "unauthorized", message)
        }
        Err(err) => domain_agent_error(err),
    }
}

/// A long poll's query: answer once something is newer than generation `after`, or after
/// `wait_ms` (the agent's desired state, exec grants, the load balancers' configuration).
#[derive(Debug, Deserialize)]
pub(crate) struct LongPollQuery {
    #[serde(default)]
    pub after: u64,
    #[serde(default)]
    pub wait_ms: u64,
}

async fn agent_desired(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(query): Query<LongPollQuery>,
) -> Response {
    let agent = match authenticate_agent(&app, &headers) {
        Ok(agent) => agent,
        Err(response) => return response,
    };
    match app
        .desired_state(&agent, query.after, Duration::from_millis(query.wait_ms))
        .await
    {
        Ok(state) => Json(state).into_response(),
        Err(err) => domain_agent_error(err),
    }
}

async fn agent_report(State(app): State<Arc<App>>, headers: HeaderMap, body: Bytes) -> Response {
    let agent = match authenticate_agent(&app, &headers) {
        Ok(agent) => agent,
        Err(response) => return response,
    };
    let request: ReportRequest = match parse_json(&body) {
        Ok(request) => request,
        Err(response) => return response,
    };
    match app.agent_report(&agent, request).await {
        Ok(response) => Json(response).into_response(),
        Err(err) => domain_agent_error(err),
    }
}

/// Authenticates an agent request and decodes its JSON body.
fn agent_request<T: serde::de::DeserializeOwned>(
    app: &App,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<(AgentIdentity, T), Response> {
    let agent = authenticate_agent(app, headers)?;
    Ok((agent, parse_json(body)?))
}

async fn agent_open_log_stream(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    match agent_request(&app, &headers, &body) {
        Ok((agent, request)) => match app.agent_open_log_stream(&agent, request).await {
            Ok(target) => Json(target).into_response(),
            Err(err) => domain_agent_error(err),
        },
        Err(response) => response,
    }
}

/// Takes batches up to the CloudWatch Logs body limit (the router's), not the 1 MiB of
/// other agent calls: a full batch of 1 MiB of lines grows with JSON escaping.
async fn agent_put_logs(State(app): State<Arc<App>>, headers: HeaderMap, body: Bytes) -> Response {
    match agent_request(&app, &headers, &body) {
        Ok((agent, batch)) => match app.agent_put_logs(&agent, batch).await {
            Ok(response) => Json(response).into_response(),
            Err(err) => domain_agent_error(err),
        },
        Err(response) => response,
    }
}

#[derive(Debug, Deserialize)]
struct TaskQuery {
    task: String,
}

/// `GET /agent/v1/tasks/secrets?task=ARN`: a task of the agent's instance gets its
/// secrets; one whose secrets cannot be read gets HTTP 422 `resource_initialization` with
/// the reason the agent stops it with.
async fn agent_task_secrets(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(query): Query<TaskQuery>,
) -> Response {
    let agent = match authenticate_agent(&app, &headers) {
        Ok(agent) => agent,
        Err(response) => return response,
    };
    match app.task_secrets(&agent, &query.task).await {
        Ok(secrets) => Json(secrets).into_response(),
        Err(TaskSecretsError::Unresolved(reason)) => agent_error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "resource_initialization",
            reason,
        ),
        Err(TaskSecretsError::Refused(err)) => domain_agent_error(err),
    }
}

/// `GET /agent/v1/tasks/tags?task=ARN`: the tags of a task on the calling agent's
/// instance, and of the instance.
async fn agent_task_tags(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(query): Query<TaskQuery>,
) -> Response {
    let agent = match authenticate_agent(&app, &headers) {
        Ok(agent) => agent,
        Err(response) => return response,
    };
    match app.agent_task_tags(&agent, &query.task) {
        Ok(tags) => Json(tags).into_response(),
        Err(err) => domain_agent_error(err),
    }
}

/// `GET /agent/v1/tasks/credentials?task=ARN`: the task role's temporary credentials, for
/// a task on the calling agent's instance.
async fn agent_task_credentials(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(query): Query<TaskQuery>,
) -> Response {
    let agent = match authenticate_agent(&app, &headers) {
        Ok(agent) => agent,
        Err(response) => return response,
    };
    match app.task_credentials(&agent, &query.task).await {
        Ok(credentials) => Json(credentials).into_response(),
        Err(err) => domain_agent_error(err),
    }
}

/// `GET /agent/v1/exec/grants?wait_ms=MS`: the ECS Exec sessions granted to the agent's
/// instance, long-polled.
async fn agent_exec_grants(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(query): Query<LongPollQuery>,
) -> Response {
    let agent = match authenticate_agent(&app, &headers) {
        Ok(agent) => agent,
        Err(response) => return response,
    };
    Json(
        app.exec_grants(&agent, Duration::from_millis(query.wait_ms))
            .await,
    )
    .into_response()
}

/// `GET /agent/v1/exec/sessions/{id}` (WebSocket): the agent attaches to a session it was
/// granted, with its credential and the grant's secret.
async fn agent_exec_attach(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    let agent = match authenticate_agent(&app, &headers) {
        Ok(agent) => agent,
        Err(response) => return response,
    };
    let secret = headers
        .get(berth_api::protocol::EXEC_SECRET_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    match app.exec.attach(&id, &agent.instance_id, secret) {
        Ok(relay) => upgrade.on_upgrade(move |socket| async move {
            let _ = relay.send(socket);
        }),
        Err(err) => agent_error(StatusCode::FORBIDDEN, "forbidden", err.to_string()),
    }
}

/// `GET /exec/v1/sessions/{id}/stream` (WebSocket): an ECS Exec session's `streamUrl`,
/// speaking the Session Manager data channel. The token in the first message
/// authenticates it.
async fn exec_stream(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    upgrade: WebSocketUpgrade,
) -> Response {
    if id.len() > 100 || !app.exec.contains(&id) {
        return agent_error(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("The exec session {id} does not exist or has ended."),
        );
    }
    let registry = app.exec.clone();
    upgrade
        .max_message_size(berth_api::ssm_channel::MAX_PAYLOAD + 1024)
        .on_upgrade(move |socket| crate::exec::serve_client(registry, id, socket))
}

#[derive(Debug, Deserialize)]
struct CreateJoinToken {
    cluster: String,
    #[serde(default)]
    reusable: bool,
}

/// Reads, authenticates (SigV4, as the ECS API) and decodes an administration request.
pub(crate) async fn signed_control_request<T: serde::de::DeserializeOwned>(
    app: &App,
    request: Request<axum::body::Body>,
) -> Result<T, Response> {
    let (parts, body) = request.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_BODY_BYTES).await else {
        return Err(aws_error(&ApiError::new(
            ErrorCode::RequestEntityTooLargeException,
            format!("The request body must be at most {MAX_BODY_BYTES} bytes."),
        )));
    };
    authenticate_admin(app, &parts, &body).map_err(|error| aws_error(&error))?;
    parse_json(&body)
}

async fn control_join_token(
    State(app): State<Arc<App>>,
    request: Request<axum::body::Body>,
) -> Response {
    let request: CreateJoinToken = match signed_control_request(&app, request).await {
        Ok(request) => request,
        Err(response) => return response,
    };
    if let Err(err) = app.active_cluster(Some(&request.cluster)) {
        return aws_error(&err.to_api());
    }
    match app
        .create_join_token(&request.cluster, request.reusable)
        .await
    {
        Ok(token) => Json(serde_json::json!({ "token": token })).into_response(),
        Err(err) => aws_error(&err.to_api()),
    }
}
