//! The wire between the ELBv2 control plane and load balancer data planes.
//!
//! - [`publish_configs`] (one task per server) rebuilds the data plane's configuration
//!   ([`App::elbv2_data_plane_config`]) when the view's ELBv2 records, target
//!   registrations or container instances change, and publishes it on the
//!   [`DataPlaneHub`]'s watch channel when it differs, numbered by the store revision it
//!   was read at (so generations only grow, across restarts too).
//! - [`serve_in_process`] runs `berth_lb` inside the server (`berth server` and
//!   `berth dev` by default) on that channel and reports its health snapshots.
//! - `/lb/v1/…` ([`routes`]) is the same channel for `berth lb --server URL --token T` on
//!   other hosts: `POST /lb/v1/register` exchanges a load-balancer join token (made by
//!   `POST /control/v1/lb-join-tokens`, the administrator only) for a credential;
//!   `GET /lb/v1/config?after=GEN&wait_ms=MS` long-polls the configuration; `POST
//!   /lb/v1/health` reports a snapshot (at most [`MAX_HEALTH_BYTES`]).
//!
//! **Several data planes.** Each reporter's latest snapshot is kept (in memory), and the
//! observed state written is their combination ([`App::elbv2_apply_health`]): the worst
//! health of each target, a load balancer `failed` if any data plane cannot serve one of
//! its listeners, and a draining target finished only when every data plane has drained
//! it. A remote data plane reports at least every [`REPORT_INTERVAL`]; one silent for
//! [`REPORT_TTL`] no longer counts.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderMap, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use berth_api::lb::{HealthSnapshot, LbConfig};
use serde::{Deserialize, Serialize};
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use crate::app::elbv2::lbconfig::{DataPlaneConfig, InstanceAddresses};
use crate::app::{put_json, txn, App};
use crate::error::{Error, Result};
use crate::http::{agent_error, bearer};
use crate::model::now;

/// The largest health report a data plane may post.
pub const MAX_HEALTH_BYTES: usize = 4 * 1024 * 1024;
/// How often a remote data plane reports even when nothing changed.
pub const REPORT_INTERVAL: Duration = Duration::from_secs(10);
/// How long a remote data plane's report counts after it was made.
pub const REPORT_TTL: Duration = Duration::from_secs(30);
/// The reporter name of the data plane inside the server.
const IN_PROCESS: &str = "in-process";
/// How long resolving one instance's host name may take.
const RESOLVE_TIMEOUT: Duration = Duration::from_secs(2);

/// Load-balancer join tokens (by hash): each lets `berth lb` hosts register.
const LB_JOIN_TOKENS: &str = "/meta/lb-join-tokens/";
/// Load-balancer credentials (by hash).
const LB_CREDENTIALS: &str = "/meta/lb-credentials/";

/// The configuration being served and the data planes' latest reports.
#[derive(Debug)]
pub struct DataPlaneHub {
    config: watch::Sender<Arc<DataPlaneConfig>>,
    reports: Mutex<HashMap<String, Report>>,
    /// One combination at a time, so that writes follow the reports' order.
    applying: tokio::sync::Mutex<()>,
}

#[derive(Debug)]
struct Report {
    snapshot: HealthSnapshot,
    /// When a remote data plane made it; `None` for the one in this process.
    at: Option<Instant>,
}

impl Default for DataPlaneHub {
    fn default() -> Self {
        Self {
            config: watch::channel(Arc::new(DataPlaneConfig::default())).0,
            reports: Mutex::default(),
            applying: tokio::sync::Mutex::default(),
        }
    }
}

impl DataPlaneHub {
    /// The configuration now, and every new one.
    pub fn subscribe(&self) -> watch::Receiver<Arc<DataPlaneConfig>> {
        self.config.subscribe()
    }

    /// The configuration now.
    pub fn current(&self) -> Arc<DataPlaneConfig> {
        self.config.borrow().clone()
    }

    fn lock_reports(&self) -> std::sync::MutexGuard<'_, HashMap<String, Report>> {
        self.reports.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn forget(&self, reporter: &str) {
        self.lock_reports().remove(reporter);
    }
}

impl App {
    /// Takes a data plane's snapshot and records the combination of every data plane's.
    pub async fn data_plane_report(
        &self,
        reporter: &str,
        snapshot: HealthSnapshot,
        remote: bool,
    ) -> Result<()> {
        let hub = &self.data_plane;
        hub.lock_reports().insert(
            reporter.to_owned(),
            Report {
                snapshot,
                at: remote.then(Instant::now),
            },
        );
        let _one = hub.applying.lock().await;
        let plan = hub.current();
        let snapshots: Vec<HealthSnapshot> = {
            let mut reports = hub.lock_reports();
            reports.retain(|_, r| r.at.is_none_or(|at| at.elapsed() < REPORT_TTL));
            reports.values().map(|r| r.snapshot.clone()).collect()
        };
        let refs: Vec<&HealthSnapshot> = snapshots.iter().collect();
        self.elbv2_apply_health(&plan, &refs).await
    }
}

/// Rebuilds and publishes the data plane's configuration whenever what it is made of
/// changes in the view, until `cancel`.
pub(crate) async fn publish_configs(app: Arc<App>, cancel: CancellationToken) {
    let mut revisions = app.view.subscribe();
    let mut seen = None;
    loop {
        let fingerprint = fingerprint(&app);
        if seen != Some(fingerprint) {
            seen = Some(fingerprint);
            let revision = app.view.revision();
            let addresses = instance_addresses(&app).await;
            let next = app.elbv2_data_plane_config(&addresses);
            let changed =
                app.data_plane
                    .config
                    .send_if_modified(|current| match current.same_as(&next) {
                        true => false,
                        false => {
                            *current = Arc::new(
                                next.with_generation(u64::try_from(revision).unwrap_or(0).max(1)),
                            );
                            true
                        }
                    });
            if changed {
                tracing::debug!(generation = revision, "load balancer configuration");
            }
        }
        tokio::select! {
            _ = cancel.cancelled() => return,
            () = revisions.changed() => {}
        }
    }
}

/// What the configuration is made of, cheaply: the ELBv2 configuration's revision, the
/// targets records' revisions and the container instances.
fn fingerprint(app: &App) -> (i64, i64, usize, usize, u64) {
    let view = app.view.read();
    let index = &view.elbv2;
    let targets = index
        .targets
        .values()
        .map(|t| t.revision)
        .max()
        .unwrap_or(0);
    let instances = view
        .instances
        .values()
        .map(|i| i.version as u64)
        .fold(0u64, |a, v| a.wrapping_add(v));
    (
        index.config.revision,
        targets,
        index.targets.len(),
        view.instances.len(),
        instances,
    )
}

/// The addresses of the hosts `instance` targets name: their `berth.host-address`
/// attribute, else their host name resolved (IPv4 first).
async fn instance_addresses(app: &App) -> InstanceAddresses {
    let (mut known, unresolved) = app.elbv2_instance_hosts();
    for host in unresolved {
        let lookup = tokio::net::lookup_host((host.clone(), 0));
        match tokio::time::timeout(RESOLVE_TIMEOUT, lookup).await {
            Ok(Ok(addresses)) => {
                let addresses: Vec<IpAddr> = addresses.map(|a| a.ip()).collect();
                if let Some(ip) = addresses
                    .iter()
                    .find(|ip| ip.is_ipv4())
                    .or(addresses.first())
                {
                    known.insert(host, *ip);
                }
            }
            Ok(Err(err)) => {
                tracing::warn!(%host, error = %err, "cannot resolve an instance target's host")
            }
            Err(_) => tracing::warn!(%host, "resolving an instance target's host timed out"),
        }
    }
    known
}

/// Serves the load balancers inside this process until `cancel`: applies every
/// configuration the hub publishes and reports the health it observes.
pub async fn serve_in_process(app: Arc<App>, limits: berth_lb::Limits, cancel: CancellationToken) {
    let mut plans = app.data_plane.subscribe();
    let (config_tx, config_rx) = watch::channel(Arc::new(plans.borrow().config.clone()));
    let (health_tx, mut health_rx) = watch::channel(HealthSnapshot::default());
    let engine = tokio::spawn(berth_lb::run(config_rx, health_tx, cancel.clone(), limits));
    loop {
        tokio::select! {
            _ = cancel.cancelled() => break,
            changed = plans.changed() => {
                if changed.is_err() {
                    break;
                }
                let next = Arc::new(plans.borrow_and_update().config.clone());
                config_tx.send_replace(next);
            }
            changed = health_rx.changed() => {
                if changed.is_err() {
                    break;
                }
                let snapshot = health_rx.borrow_and_update().clone();
                if let Err(err) = app.data_plane_report(IN_PROCESS, snapshot, false).await {
                    tracing::warn!(error = %err, "recording the load balancer's health");
                }
            }
        }
    }
    drop(config_tx);
    app.data_plane.forget(IN_PROCESS);
    match engine.await {
        Ok(Ok(())) | Ok(Err(berth_lb::Error::ConfigChannelClosed)) => {}
        Err(err) => tracing::error!(error = %err, "the load balancer task failed"),
    }
}

// ---------------------------------------------------------------------------------------
// The remote channel.

/// A load-balancer join token (stored by hash).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct LbJoinTokenRecord {
    reusable: bool,
    created_at: f64,
}

/// A load-balancer credential (stored by hash): which data plane it is.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct LbCredentialRecord {
    id: String,
    name: String,
    created_at: f64,
}

/// `POST /lb/v1/register`'s body.
#[derive(Debug, Deserialize)]
pub struct LbRegisterRequest {
    /// The data plane's host name, for logs.
    pub name: String,
}

/// `POST /lb/v1/register`'s answer.
#[derive(Debug, Serialize, Deserialize)]
pub struct LbRegisterResponse {
    pub id: String,
    pub credential: String,
}

impl App {
    /// Creates a join token for `berth lb` hosts and returns its secret (shown once).
    pub async fn create_load_balancer_join_token(&self, reusable: bool) -> Result<String> {
        let token = crate::app::new_secret();
        let record = LbJoinTokenRecord {
            reusable,
            created_at: now(),
        };
        let key = format!("{LB_JOIN_TOKENS}{}", crate::app::hash_secret(&token));
        self.commit(txn(Vec::new(), vec![put_json(key, &record)?]))
            .await?;
        Ok(token)
    }

    /// Exchanges a load-balancer join token for a credential.
    pub async fn register_load_balancer(
        &self,
        token: &str,
        name: &str,
    ) -> Result<LbRegisterResponse> {
        if name.is_empty() || name.len() > 255 || name.chars().any(char::is_control) {
            return Err(Error::invalid(
                "A load balancer's name must be 1 to 255 printable characters.",
            ));
        }
        let key = format!("{LB_JOIN_TOKENS}{}", crate::app::hash_secret(token));
        let kv = self.store.get(&key).await?.ok_or_else(|| {
            Error::client("The load balancer join token is not valid or was already used.")
        })?;
        let grant: LbJoinTokenRecord =
            serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
        let credential = crate::app::new_secret();
        let id = berth_api::arn::new_id();
        let ops = vec![put_json(
            format!("{LB_CREDENTIALS}{}", crate::app::hash_secret(&credential)),
            &LbCredentialRecord {
                id: id.clone(),
                name: name.to_owned(),
                created_at: now(),
            },
        )?];
        self.use_join_token(key, kv.mod_revision, grant.reusable, None, ops)
            .await?;
        tracing::info!(%id, %name, "load balancer registered");
        Ok(LbRegisterResponse { id, credential })
    }

    /// The data plane a load-balancer credential stands for.
    async fn authenticate_load_balancer(&self, credential: &str) -> Result<Option<String>> {
        let key = format!("{LB_CREDENTIALS}{}", crate::app::hash_secret(credential));
        let Some(kv) = self.store.get(&key).await? else {
            return Ok(None);
        };
        let record: LbCredentialRecord =
            serde_json::from_slice(&kv.value).map_err(|e| Error::Internal(e.into()))?;
        Ok(Some(record.id))
    }

    /// The data plane's configuration once its generation is above `after`, or when the
    /// wait is over.
    pub async fn load_balancer_config(&self, after: u64, wait: Duration) -> LbConfig {
        let mut plans = self.data_plane.subscribe();
        let wait = wait.min(self.config.max_poll_wait);
        let newer = plans.wait_for(|plan| plan.config.generation > after);
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = self.shutdown.cancelled() => {}
            _ = newer => {}
        }
        self.data_plane.current().config.clone()
    }
}

/// The `/lb/v1` routes and the administrator's `/control/v1/lb-join-tokens`.
pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/lb/v1/register", post(lb_register))
        .route("/lb/v1/config", get(lb_config))
        .route(
            "/lb/v1/health",
            post(lb_health).layer(DefaultBodyLimit::max(MAX_HEALTH_BYTES)),
        )
        .route("/control/v1/lb-join-tokens", post(control_lb_join_token))
}

async fn authenticate(app: &App, headers: &HeaderMap) -> std::result::Result<String, Response> {
    let Some(credential) = bearer(headers) else {
        return Err(agent_error(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "A load balancer credential is required.",
        ));
    };
    match app.authenticate_load_balancer(credential).await {
        Ok(Some(id)) => Ok(id),
        Ok(None) => Err(agent_error(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "The load balancer credential is not valid.",
        )),
        Err(err) => Err(agent_error(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            err.to_string(),
        )),
    }
}

async fn lb_register(State(app): State<Arc<App>>, headers: HeaderMap, body: Bytes) -> Response {
    let Some(token) = bearer(&headers) else {
        return agent_error(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "A load balancer join token is required.",
        );
    };
    let request: LbRegisterRequest = match serde_json::from_slice(&body) {
        Ok(request) => request,
        Err(err) => {
            return agent_error(
                StatusCode::BAD_REQUEST,
                "invalid",
                format!("Malformed request: {err}"),
            )
        }
    };
    match app.register_load_balancer(token, &request.name).await {
        Ok(response) => Json(response).into_response(),
        Err(Error::Client(message)) => {
            agent_error(StatusCode::UNAUTHORIZED, "unauthorized", message)
        }
        Err(Error::InvalidParameter(message)) => {
            agent_error(StatusCode::BAD_REQUEST, "invalid", message)
        }
        Err(err) => agent_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            err.to_string(),
        ),
    }
}

async fn lb_config(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(query): Query<crate::http::LongPollQuery>,
) -> Response {
    if let Err(response) = authenticate(&app, &headers).await {
        return response;
    }
    let config = app
        .load_balancer_config(query.after, Duration::from_millis(query.wait_ms))
        .await;
    Json(config).into_response()
}

async fn lb_health(State(app): State<Arc<App>>, headers: HeaderMap, body: Bytes) -> Response {
    let reporter = match authenticate(&app, &headers).await {
        Ok(id) => id,
        Err(response) => return response,
    };
    let snapshot: HealthSnapshot = match serde_json::from_slice(&body) {
        Ok(snapshot) => snapshot,
        Err(err) => {
            return agent_error(
                StatusCode::BAD_REQUEST,
                "invalid",
                format!("Malformed health snapshot: {err}"),
            )
        }
    };
    match app.data_plane_report(&reporter, snapshot, true).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(err) => agent_error(StatusCode::BAD_REQUEST, "invalid", err.to_string()),
    }
}

#[derive(Debug, Deserialize)]
struct CreateLbJoinToken {
    #[serde(default)]
    reusable: bool,
}

async fn control_lb_join_token(
    State(app): State<Arc<App>>,
    request: Request<axum::body::Body>,
) -> Response {
    let request: CreateLbJoinToken = match crate::http::signed_control_request(&app, request).await
    {
        Ok(request) => request,
        Err(response) => return response,
    };
    match app.create_load_balancer_join_token(request.reusable).await {
        Ok(token) => Json(serde_json::json!({ "token": token })).into_response(),
        Err(err) => agent_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            err.to_string(),
        ),
    }
}
