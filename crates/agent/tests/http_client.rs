//! `HttpControlPlane` against a small axum server that speaks `/agent/v1` as
//! `berth_api::protocol` documents it: paths, query, bearer tokens, JSON bodies, error
//! mapping; then a whole agent (over the fake runtime) through HTTP.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use berth_agent::{ClientError, ControlPlane, FakeConfig, FakeRuntime, HttpControlPlane};
use berth_api::protocol::{
    AgentApiError, DesiredState, HostResources, RegisterRequest, RegisterResponse, ReportRequest,
    ReportResponse, ReportedStatus,
};
use common::*;

#[derive(Default)]
struct Server {
    desired: Mutex<DesiredState>,
    reports: Mutex<Vec<ReportRequest>>,
    queries: Mutex<Vec<(u64, u64)>>,
}

const CREDENTIAL: &str = "instance-credential";

fn bearer(h: &HeaderMap) -> Option<&str> {
    h.get("authorization")?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
}

fn error(status: StatusCode, code: &str) -> Response {
    (
        status,
        Json(AgentApiError {
            error: code.into(),
            message: format!("{code} by test server"),
        }),
    )
        .into_response()
}

async fn register(h: HeaderMap, Json(req): Json<RegisterRequest>) -> Response {
    if bearer(&h) != Some(JOIN_TOKEN) {
        return error(StatusCode::UNAUTHORIZED, "unauthorized");
    }
    if req.cluster == "forbidden" {
        return error(StatusCode::FORBIDDEN, "forbidden");
    }
    Json(RegisterResponse {
        container_instance_arn: "arn:aws:ecs:us-east-1:000000000000:container-instance/test/1"
            .into(),
        cluster_arn: "arn:aws:ecs:us-east-1:000000000000:cluster/test".into(),
        credential: CREDENTIAL.into(),
    })
    .into_response()
}

#[derive(serde::Deserialize)]
struct DesiredQuery {
    after: u64,
    wait_ms: u64,
}

async fn desired(
    State(s): State<Arc<Server>>,
    h: HeaderMap,
    Query(q): Query<DesiredQuery>,
) -> Response {
    if bearer(&h) != Some(CREDENTIAL) {
        return error(StatusCode::UNAUTHORIZED, "unauthorized");
    }
    s.queries
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .push((q.after, q.wait_ms));
    // Good enough for a test: answer at once (a real server long-polls).
    let d = s.desired.lock().unwrap_or_else(|p| p.into_inner()).clone();
    if d.generation <= q.after {
        tokio::time::sleep(Duration::from_millis(q.wait_ms.min(200))).await;
    }
    Json(d).into_response()
}

async fn report(
    State(s): State<Arc<Server>>,
    h: HeaderMap,
    Json(req): Json<ReportRequest>,
) -> Response {
    if bearer(&h) != Some(CREDENTIAL) {
        return error(StatusCode::UNAUTHORIZED, "unauthorized");
    }
    let accepted = req.tasks.len();
    s.reports
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .push(req);
    Json(ReportResponse { accepted }).into_response()
}

async fn serve() -> (String, Arc<Server>) {
    let state = Arc::new(Server::default());
    let app = Router::new()
        .route("/agent/v1/register", post(register))
        .route("/agent/v1/desired", get(desired))
        .route("/agent/v1/report", post(report))
        .with_state(state.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}"), state)
}

fn register_request(cluster: &str) -> RegisterRequest {
    RegisterRequest {
        cluster: cluster.into(),
        hostname: "h".into(),
        resources: HostResources::default(),
        attributes: vec![],
        launch_type: "EC2".into(),
        agent_version: "0".into(),
        runtime_version: "x".into(),
    }
}

#[tokio::test]
async fn calls_and_error_mapping() {
    let (url, server) = serve().await;
    let cp = HttpControlPlane::new(&format!("{url}/")).expect("client");

    let r = cp
        .register(JOIN_TOKEN, &register_request("test"))
        .await
        .expect("register");
    assert_eq!(r.credential, CREDENTIAL);
    assert!(matches!(
        cp.register("wrong", &register_request("test")).await,
        Err(ClientError::Unauthorized(_))
    ));
    match cp
        .register(JOIN_TOKEN, &register_request("forbidden"))
        .await
    {
        Err(ClientError::Rejected { status, error, .. }) => {
            assert_eq!((status, error.as_str()), (403, "forbidden"));
        }
        other => panic!("expected Rejected, got {other:?}"),
    }

    server
        .desired
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .generation = 5;
    let d = cp
        .desired(CREDENTIAL, 3, Duration::from_millis(1500))
        .await
        .expect("desired");
    assert_eq!(d.generation, 5);
    assert_eq!(
        server
            .queries
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .last(),
        Some(&(3, 1500))
    );
    assert!(matches!(
        cp.desired("stale", 0, Duration::ZERO).await,
        Err(ClientError::Unauthorized(_))
    ));

    let ack = cp
        .report(CREDENTIAL, &ReportRequest::default())
        .await
        .expect("report");
    assert_eq!(ack.accepted, 0);

    let down = HttpControlPlane::new("http://127.0.0.1:1").expect("client");
    let e = down
        .report(CREDENTIAL, &ReportRequest::default())
        .await
        .expect_err("refused");
    assert!(e.is_retryable(), "{e:?}");
}

#[tokio::test]
async fn agent_over_http() {
    let (url, server) = serve().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let fake = Arc::new(FakeRuntime::new(FakeConfig {
        images: vec![IMAGE.into()],
        ..Default::default()
    }));
    let t = task("web", vec![container("main", "")]);
    *server.desired.lock().unwrap_or_else(|p| p.into_inner()) = DesiredState {
        generation: 1,
        tasks: vec![t.clone()],
        task_arns: None,
    };
    let mut cfg = config(dir.path());
    cfg.server_url = url.clone();
    let control = Arc::new(HttpControlPlane::new(&url).expect("client"));
    let cancel = tokio_util::sync::CancellationToken::new();
    let handle = tokio::spawn(berth_agent::run(cfg, fake, control, cancel.clone()));
    wait_for("RUNNING over HTTP", Duration::from_secs(10), || async {
        server
            .reports
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .flat_map(|r| r.tasks.iter())
            .any(|r| r.task_arn == t.task_arn && r.last_status == ReportedStatus::Running)
    })
    .await;
    let gen = server
        .reports
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .last()
        .map(|r| r.generation);
    assert_eq!(gen, Some(1));
    cancel.cancel();
    handle
        .await
        .expect("no panic")
        .expect("agent returns Ok on cancel");
}
