//! The endpoint's HTTP surface, as ECS's agent serves it:
//!
//! - `GET /v4/{id}`, `/v4/{id}/task`, `/v4/{id}/taskWithTags`, `/v4/{id}/stats`,
//!   `/v4/{id}/task/stats`, and the same under `/v3`: the task metadata endpoint. Errors
//!   are a JSON string, 404 for an unknown (or refused) ID, 500 when the runtime fails.
//! - `GET /v2/credentials/{id}`: the task role's credentials; errors are
//!   `{"code", "message", "HTTPErrorCode"}` with ECS's codes.
//!
//! Handlers only find the task the ID names, check the caller may read it
//! ([`TaskEndpoint::authorize`]) and render. Only GET is routed; nothing reads a body.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::connect_info::{ConnectInfo, Connected};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;

use super::credentials::Unavailable;
use super::metadata::{CredentialsError, CredentialsResponse, ErrorResponse, Version};
use super::{Caller, TaskEndpoint};

/// Docker statistics requests in flight at once: each holds a Docker connection for
/// about a second (Docker samples twice).
const MAX_STATS_IN_FLIGHT: usize = 8;
/// At most one refusal is logged per this period; the others are counted.
const REFUSAL_LOG_PERIOD: Duration = Duration::from_secs(60);

impl Connected<axum::serve::IncomingStream<'_, TcpListener>> for Caller {
    fn connect_info(stream: axum::serve::IncomingStream<'_, TcpListener>) -> Self {
        let peer = *stream.remote_addr();
        Caller {
            peer,
            // Without the local address nothing counts as the host.
            local: stream
                .io()
                .local_addr()
                .unwrap_or_else(|_| SocketAddr::from(([0, 0, 0, 0], 0))),
        }
    }
}

/// A log line that a container can trigger, limited to one per period.
#[derive(Debug, Default)]
pub(crate) struct RateLimitedLog {
    state: Mutex<(Option<Instant>, u64)>,
}

impl RateLimitedLog {
    fn refused(&self, caller: Caller, what: &str) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let (last, suppressed) = &mut *state;
        if last.is_some_and(|t| t.elapsed() < REFUSAL_LOG_PERIOD) {
            *suppressed += 1;
            return;
        }
        tracing::warn!(peer = %caller.peer, %what, suppressed = *suppressed, "task endpoint refused a caller that is not a container of the task the ID names");
        *last = Some(Instant::now());
        *suppressed = 0;
    }
}

type Shared = State<Arc<TaskEndpoint>>;
type Peer = ConnectInfo<Caller>;

/// Serves until `cancel` fires.
pub(crate) async fn serve(
    listener: TcpListener,
    endpoint: Arc<TaskEndpoint>,
    cancel: CancellationToken,
) {
    let stats = Arc::new(Semaphore::new(MAX_STATS_IN_FLIGHT));
    let app = Router::new()
        .nest("/v3", metadata_routes(Version::V3, stats.clone()))
        .nest("/v4", metadata_routes(Version::V4, stats))
        .route("/v2/credentials", get(no_credentials_id))
        .route("/v2/credentials/", get(no_credentials_id))
        .route("/v2/credentials/{id}", get(credentials))
        .with_state(endpoint)
        .into_make_service_with_connect_info::<Caller>();
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(cancel.cancelled_owned())
        .await;
    if let Err(e) = served {
        tracing::error!(error = %e, "the task endpoint's server failed");
    }
}

fn metadata_routes(version: Version, stats: Arc<Semaphore>) -> Router<Arc<TaskEndpoint>> {
    let container_stats = stats.clone();
    Router::new()
        .route(
            "/{id}",
            get(move |s: Shared, p: Peer, id: Path<String>| container(s, p, id, version)),
        )
        .route(
            "/{id}/task",
            get(move |s: Shared, p: Peer, id: Path<String>| task(s, p, id, version, false)),
        )
        .route(
            "/{id}/taskWithTags",
            get(move |s: Shared, p: Peer, id: Path<String>| task(s, p, id, version, true)),
        )
        .route(
            "/{id}/stats",
            get(move |s: Shared, p: Peer, id: Path<String>| {
                container_stats_of(s, p, id, version, container_stats.clone())
            }),
        )
        .route(
            "/{id}/task/stats",
            get(move |s: Shared, p: Peer, id: Path<String>| {
                task_stats(s, p, id, version, stats.clone())
            }),
        )
}

fn prefix(version: Version) -> &'static str {
    match version {
        Version::V3 => "V3",
        Version::V4 => "V4",
    }
}

/// ECS's metadata error: a JSON string.
fn metadata_error(status: StatusCode, message: String) -> Response {
    (status, Json(message)).into_response()
}

/// The answer for an ID that names nothing this caller may read. An unknown ID and a
/// refused caller look the same, so the endpoint tells a prober nothing.
fn not_found(version: Version, handler: &str) -> Response {
    metadata_error(
        StatusCode::NOT_FOUND,
        format!(
            "{} {handler} handler: unable to find a container of this caller's task for the endpoint ID",
            prefix(version)
        ),
    )
}

/// The task and container an ID names, if `caller` may read them; else the answer.
async fn resolve(
    endpoint: &TaskEndpoint,
    caller: Caller,
    id: &str,
    version: Version,
    handler: &str,
) -> Result<(String, String), Response> {
    let Some((task, container)) = endpoint.container_of(id) else {
        return Err(not_found(version, handler));
    };
    if endpoint.authorize(caller, &task).await {
        Ok((task, container))
    } else {
        endpoint.refusals.refused(caller, handler);
        Err(not_found(version, handler))
    }
}

async fn container(
    State(endpoint): Shared,
    ConnectInfo(caller): Peer,
    Path(id): Path<String>,
    version: Version,
) -> Response {
    const HANDLER: &str = "container metadata";
    let (task, name) = match resolve(&endpoint, caller, &id, version, HANDLER).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    match endpoint
        .with_task(&task, |view| view.container(&name, version))
        .flatten()
    {
        Some(document) => Json(document).into_response(),
        None => not_found(version, HANDLER),
    }
}

async fn task(
    State(endpoint): Shared,
    ConnectInfo(caller): Peer,
    Path(id): Path<String>,
    version: Version,
    with_tags: bool,
) -> Response {
    const HANDLER: &str = "task metadata";
    let (task_arn, _) = match resolve(&endpoint, caller, &id, version, HANDLER).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    let Some(mut document) = endpoint.with_task(&task_arn, |view| view.task(version)) else {
        return not_found(version, HANDLER);
    };
    if with_tags {
        match endpoint.tags(&task_arn).await {
            Ok(tags) => {
                document.task_tags = Some(tags.task_tags);
                document.container_instance_tags = Some(tags.container_instance_tags);
            }
            Err(message) => {
                // As ECS: the task document still comes, with what failed in `Errors`.
                let instance = endpoint.session.current().map(|s| s.instance_arn.clone());
                for (field, arn) in [
                    ("TaskTags", Some(task_arn.clone())),
                    ("ContainerInstanceTags", instance),
                ] {
                    document.errors.push(ErrorResponse {
                        error_field: Some(field.into()),
                        error_code: Some("ServerException".into()),
                        error_message: Some(message.clone()),
                        status_code: Some(500),
                        request_id: None,
                        resource_arn: arn,
                    });
                }
            }
        }
    }
    Json(document).into_response()
}

async fn container_stats_of(
    State(endpoint): Shared,
    ConnectInfo(caller): Peer,
    Path(id): Path<String>,
    version: Version,
    permits: Arc<Semaphore>,
) -> Response {
    const HANDLER: &str = "container stats";
    let (task, name) = match resolve(&endpoint, caller, &id, version, HANDLER).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    let docker_id = endpoint
        .with_task(&task, |view| {
            view.containers.get(&name).map(|c| c.id.clone())
        })
        .flatten();
    let Some(docker_id) = docker_id else {
        return not_found(version, HANDLER);
    };
    let _permit = permits.acquire().await;
    match endpoint.runtime.stats(&docker_id).await {
        Ok(stats) => Json(stats).into_response(),
        Err(e) => metadata_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!(
                "{} {HANDLER} handler: unable to get the container's statistics: {e}",
                prefix(version)
            ),
        ),
    }
}

async fn task_stats(
    State(endpoint): Shared,
    ConnectInfo(caller): Peer,
    Path(id): Path<String>,
    version: Version,
    permits: Arc<Semaphore>,
) -> Response {
    const HANDLER: &str = "task stats";
    let (task, _) = match resolve(&endpoint, caller, &id, version, HANDLER).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    let ids = endpoint.docker_ids(&task);
    let samples = futures::future::join_all(ids.iter().map(|docker_id| {
        let (endpoint, permits) = (endpoint.clone(), permits.clone());
        async move {
            let _permit = permits.acquire().await;
            endpoint.runtime.stats(docker_id).await
        }
    }))
    .await;
    // As ECS: Docker ID → statistics, `null` for a container that has none.
    let document: serde_json::Map<String, serde_json::Value> = ids
        .into_iter()
        .zip(samples)
        .map(|(id, sample)| (id, sample.unwrap_or(serde_json::Value::Null)))
        .collect();
    Json(document).into_response()
}

fn credentials_error(status: StatusCode, code: &str, message: String) -> Response {
    (
        status,
        Json(CredentialsError {
            code: code.into(),
            message,
            http_error_code: status.as_u16(),
        }),
    )
        .into_response()
}

/// ECS's answer for an ID that names no credentials (or credentials this caller may not
/// read: the two look the same).
fn credentials_not_found() -> Response {
    credentials_error(
        StatusCode::BAD_REQUEST,
        "InvalidIdInRequest",
        "CredentialsV2Request: Credentials not found".into(),
    )
}

async fn no_credentials_id() -> Response {
    credentials_error(
        StatusCode::BAD_REQUEST,
        "NoIdInRequest",
        "CredentialsV2Request: No Credential ID in the request".into(),
    )
}

async fn credentials(
    State(endpoint): Shared,
    ConnectInfo(caller): Peer,
    Path(id): Path<String>,
) -> Response {
    let Some(task) = endpoint.credentials_task(&id) else {
        return credentials_not_found();
    };
    if !endpoint.authorize(caller, &task).await {
        endpoint.refusals.refused(caller, "credentials");
        return credentials_not_found();
    }
    match endpoint.credentials.get(&task).await {
        Ok(credentials) => Json(CredentialsResponse::from(&credentials)).into_response(),
        Err(Unavailable::NotTracked) => credentials_not_found(),
        Err(Unavailable::Failed(reason)) => credentials_error(
            StatusCode::SERVICE_UNAVAILABLE,
            "CredentialsUninitialized",
            format!("CredentialsV2Request: Credentials uninitialized for ID: {reason}"),
        ),
    }
}
