//! berth's control plane.
//!
//! [`Server::start`] loads the store into an in-memory [`state::View`], starts the tasks
//! that keep it current and act on it, and serves HTTP:
//! - the **view follower** applies the store's watch to the view ([`state::View::follow`]);
//! - the **HTTP server** (axum) serves the ECS API, the agent protocol and administration;
//! - the **cleanup reconciler** forgets STOPPED tasks after the retention period.
//! - the **host-loss reconciler** stops the tasks of instances whose agent went silent.
//! - the **task definition deletion reconciler** deletes DELETE_IN_PROGRESS revisions
//!   that no task or service uses any more.
//! - the **drained targets reconciler** drops ELBv2 targets whose deregistration delay is
//!   over.
//! - the **log retention reconciler** deletes CloudWatch Logs events older than their
//!   group's retention (`DATA_DIR/logs`, the `berth-logs` engine).
//!
//! All of them stop when the cancellation token given to `start` is cancelled.
//!
//! [`Server::start_tls`] serves the same router over TLS ([`tls`]) and adds the
//! unauthenticated `GET /cacerts`, which returns the CA certificate: agents fetch it
//! before they trust the server, and check it against the hash in their join token.

pub mod apis;
pub mod app;
pub mod authz;
pub mod crypto;
pub mod data_plane;
pub mod dispatch;
pub mod ecs_access;
pub mod error;
pub mod exec;
pub mod fields;
pub mod http;
pub mod iam_entities;
pub mod identity;
pub mod isolation;
pub mod model;
pub mod network;
mod reconcilers;
pub mod sigv4;
pub mod state;
pub mod tls;

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use berth_store::{Compare, DynStore};
use tokio_util::sync::CancellationToken;

pub use app::{App, AppConfig};

/// berth's version, as the server reports it (exec handshakes name it).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
use model::{keys, now, AccessKeyRecord, ClusterRecord};

/// How to run a server.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub listen: SocketAddr,
    pub app: AppConfig,
    /// Where the server keeps its own files (its key, logs). Created if missing.
    pub data_dir: std::path::PathBuf,
    /// The server's key file; `DATA_DIR/berth.key` when unset. Every server of a cluster
    /// must share one key.
    pub key_file: Option<std::path::PathBuf>,
    /// Serve the ELBv2 load balancers in this process (`berth_lb`), with these limits;
    /// `None` when `berth lb` processes serve them (`--no-load-balancer`).
    pub load_balancer: Option<berth_lb::Limits>,
}

impl ServerConfig {
    /// A configuration with the app's defaults, serving on `listen`, keeping files in
    /// `data_dir`.
    pub fn new(listen: SocketAddr, data_dir: impl Into<std::path::PathBuf>) -> Self {
        Self {
            listen,
            app: AppConfig::default(),
            data_dir: data_dir.into(),
            key_file: None,
            load_balancer: None,
        }
    }

    /// The key file in use.
    pub fn key_path(&self) -> std::path::PathBuf {
        self.key_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("berth.key"))
    }
}

/// A running server.
pub struct Server {
    pub app: Arc<App>,
    /// The address actually bound (useful with port 0).
    pub addr: SocketAddr,
    /// The access key created on first start; users sign requests with it.
    pub credentials: AccessKeyRecord,
    /// The TLS material when serving HTTPS.
    pub tls: Option<tls::TlsIdentity>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Server {
    /// Initialises the store on first use, loads the view and starts serving plain HTTP.
    pub async fn start(
        store: DynStore,
        config: ServerConfig,
        cancel: CancellationToken,
    ) -> anyhow::Result<Self> {
        Self::start_with(store, config, None, cancel).await
    }

    /// As [`Server::start`], serving HTTPS with `tls` (and `GET /cacerts`).
    pub async fn start_tls(
        store: DynStore,
        config: ServerConfig,
        tls: tls::TlsIdentity,
        cancel: CancellationToken,
    ) -> anyhow::Result<Self> {
        Self::start_with(store, config, Some(tls), cancel).await
    }

    async fn start_with(
        store: DynStore,
        config: ServerConfig,
        tls: Option<tls::TlsIdentity>,
        cancel: CancellationToken,
    ) -> anyhow::Result<Self> {
        initialise(&store).await.context("initialising the store")?;
        let view = state::View::load(&store)
            .await
            .context("loading state from the store")?;
        let credentials = {
            let snapshot = view.read();
            // The administrator's key; IAM users' keys live beside it.
            let mut keys: Vec<_> = snapshot
                .access_keys
                .values()
                .filter(|key| key.user.is_none())
                .cloned()
                .collect();
            keys.sort_by(|a, b| a.access_key_id.cmp(&b.access_key_id));
            keys.into_iter()
                .next()
                .context("the store holds no administrator access key")?
        };
        std::fs::create_dir_all(&config.data_dir).with_context(|| {
            format!(
                "creating the server data directory {}",
                config.data_dir.display()
            )
        })?;
        // Registry secrets of the old `/control/v1/secrets` were stored in clear text;
        // Secrets Manager replaced them. Deleting nothing writes nothing.
        store
            .txn(app::txn(
                Vec::new(),
                vec![berth_store::Op::delete_prefix(
                    model::keys::LEGACY_REGISTRY_SECRETS,
                )],
            ))
            .await
            .context("deleting legacy registry secrets")?;
        let keyring = crypto::Keyring::load_or_create(&config.key_path())
            .context("loading the server's key")?;
        let mut app_config = config.app.clone();
        if app_config.elbv2.certificate_dir.is_none() {
            app_config.elbv2.certificate_dir = Some(config.data_dir.join("certificates"));
        }
        let app = Arc::new(App::new(
            store.clone(),
            view.clone(),
            app_config,
            Arc::new(keyring),
            cancel.clone(),
        ));
        app.set_serves_tls(tls.is_some());
        app.set_log_store(open_log_store(config.data_dir.join("logs")).await?);
        // Before anything starts, so that unusable TLS material stops nothing half-way.
        let tls_config = tls
            .as_ref()
            .map(|identity| identity.server_config())
            .transpose()
            .context("building the TLS configuration")?;
        let listener = tokio::net::TcpListener::bind(config.listen)
            .await
            .with_context(|| format!("binding {}", config.listen))?;
        let addr = listener.local_addr()?;
        app.set_exec_origin(addr, tls.is_some());
        let mut tasks = vec![
            tokio::spawn(view.clone().follow(store.clone(), cancel.clone())),
            tokio::spawn(reconcilers::cleanup(app.clone(), cancel.clone())),
            tokio::spawn(reconcilers::host_loss(app.clone(), cancel.clone())),
            tokio::spawn(reconcilers::services(app.clone(), cancel.clone())),
            tokio::spawn(reconcilers::task_definition_deletions(
                app.clone(),
                cancel.clone(),
            )),
            tokio::spawn(reconcilers::secret_deletions(app.clone(), cancel.clone())),
            tokio::spawn(reconcilers::elbv2_drained_targets(
                app.clone(),
                cancel.clone(),
            )),
            tokio::spawn(reconcilers::log_retention(app.clone(), cancel.clone())),
            tokio::spawn(reconcilers::address_release(app.clone(), cancel.clone())),
            tokio::spawn(data_plane::publish_configs(app.clone(), cancel.clone())),
            tokio::spawn(reconcilers::idempotency_expiry(app.clone(), cancel.clone())),
        ];
        if let Some(limits) = config.load_balancer {
            tasks.push(tokio::spawn(data_plane::serve_in_process(
                app.clone(),
                limits,
                cancel.clone(),
            )));
        }
        // Once the view follows the store (a write waits for the view to have it).
        app.ensure_default_security_group()
            .await
            .map_err(|e| anyhow::anyhow!("creating the default security group: {e}"))?;
        let router = http::router(app.clone());
        match (&tls, tls_config) {
            (Some(identity), Some(tls_config)) => {
                let ca_pem = identity.ca_pem.clone();
                let router = router.route(
                    "/cacerts",
                    axum::routing::get(move || async move {
                        ([("content-type", "application/x-pem-file")], ca_pem)
                    }),
                );
                let listener = tls::TlsListener::new(listener, tls_config, cancel.clone())?;
                tasks.push(tokio::spawn(serve(listener, router, cancel.clone())));
            }
            _ => tasks.push(tokio::spawn(serve(listener, router, cancel.clone()))),
        }
        tracing::info!(%addr, tls = tls.is_some(), "berth server listening");
        Ok(Self {
            app,
            addr,
            credentials,
            tls,
            tasks,
        })
    }

    /// The URL clients use: `https://ADDR` when serving TLS, else `http://ADDR`.
    pub fn endpoint(&self) -> String {
        let scheme = if self.tls.is_some() { "https" } else { "http" };
        format!("{scheme}://{}", self.addr)
    }

    /// Waits for every server task to finish (after cancellation).
    pub async fn join(self) {
        for task in self.tasks {
            let _ = task.await;
        }
    }
}

/// Opens the CloudWatch Logs engine in `dir` off the async runtime (it replays its
/// catalog and recovers every stream). A store just closed by a server stopping in the
/// same process may still hold the directory's lock for a moment, so that is retried
/// briefly.
async fn open_log_store(dir: std::path::PathBuf) -> anyhow::Result<berth_logs::LogStore> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let path = dir.clone();
        let opened = tokio::task::spawn_blocking(move || berth_logs::LogStore::open(&path))
            .await
            .context("opening the log store")?;
        match opened {
            Ok(store) => return Ok(store),
            Err(berth_logs::LogError::Io { source, .. })
                if source.kind() == std::io::ErrorKind::WouldBlock
                    && std::time::Instant::now() < deadline =>
            {
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            Err(e) => {
                return Err(anyhow::Error::new(e))
                    .with_context(|| format!("opening the log store in {}", dir.display()))
            }
        }
    }
}

/// Serves the router on a listener until `shutdown` fires, then drains connections.
async fn serve<L>(listener: L, router: axum::Router, shutdown: CancellationToken)
where
    L: axum::serve::Listener<Addr = SocketAddr>,
    http::PeerAddr:
        for<'a> axum::extract::connect_info::Connected<axum::serve::IncomingStream<'a, L>>,
{
    // The peer address reaches handlers (`aws:SourceIp`).
    let router = router.into_make_service_with_connect_info::<http::PeerAddr>();
    let served = axum::serve(listener, router)
        .with_graceful_shutdown(async move { shutdown.cancelled().await })
        .await;
    if let Err(err) = served {
        tracing::error!(error = %err, "HTTP server failed");
    }
}

/// On a new store: the `default` cluster and one access key, written once, atomically.
async fn initialise(store: &DynStore) -> anyhow::Result<()> {
    const MARKER: &str = "/meta/initialised";
    if store.get(MARKER).await?.is_some() {
        return Ok(());
    }
    let access_key = AccessKeyRecord {
        access_key_id: format!("AKBERTH{}", identity::random_upper(13)),
        secret_access_key: app::agents_secret(),
        sealed_secret: None,
        user: None,
        created_at: now(),
    };
    let cluster = ClusterRecord {
        name: "default".into(),
        status: "ACTIVE".into(),
        tags: Vec::new(),
        settings: Vec::new(),
        created_at: now(),
    };
    let txn = app::txn(
        vec![Compare::Absent { key: MARKER.into() }],
        vec![
            berth_store::Op::Put {
                key: MARKER.into(),
                value: b"1".to_vec(),
            },
            berth_store::Op::Put {
                key: keys::access_key(&access_key.access_key_id),
                value: serde_json::to_vec(&access_key)?,
            },
            berth_store::Op::Put {
                key: keys::cluster("default"),
                value: serde_json::to_vec(&cluster)?,
            },
        ],
    );
    // If another server initialised it first, its keys stand.
    store.txn(txn).await?;
    Ok(())
}
