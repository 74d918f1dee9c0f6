//! berth's control plane.
//!
//! [`Server::start`] loads the store into an in-memory [`state::View`], starts the tasks
//! that keep it current and act on it, and serves HTTP:
//! - the **view follower** applies the store's watch to the view ([`state::View::follow`]);
//! - the **HTTP server** (axum) serves the ECS API, the agent protocol and administration;
//! - the **cleanup reconciler** forgets STOPPED tasks after the retention period.
//!
//! All of them stop when the cancellation token given to `start` is cancelled.

pub mod app;
pub mod dispatch;
pub mod error;
pub mod http;
pub mod model;
mod reconcilers;
pub mod sigv4;
pub mod state;

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use berth_store::{Compare, DynStore};
use tokio_util::sync::CancellationToken;

pub use app::{App, AppConfig};
use model::{keys, now, AccessKeyRecord, ClusterRecord};

/// How to run a server.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub listen: SocketAddr,
    pub app: AppConfig,
}

/// A running server.
pub struct Server {
    pub app: Arc<App>,
    /// The address actually bound (useful with port 0).
    pub addr: SocketAddr,
    /// The access key created on first start; users sign requests with it.
    pub credentials: AccessKeyRecord,
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
    /// Initialises the store on first use, loads the view and starts serving.
    pub async fn start(
        store: DynStore,
        config: ServerConfig,
        cancel: CancellationToken,
    ) -> anyhow::Result<Self> {
        initialise(&store).await.context("initialising the store")?;
        let view = state::View::load(&store)
            .await
            .context("loading state from the store")?;
        let credentials = {
            let snapshot = view.read();
            let mut keys: Vec<_> = snapshot.access_keys.values().cloned().collect();
            keys.sort_by(|a, b| a.access_key_id.cmp(&b.access_key_id));
            keys.into_iter()
                .next()
                .context("the store holds no access key")?
        };
        let app = Arc::new(App::new(
            store.clone(),
            view.clone(),
            config.app.clone(),
            cancel.clone(),
        ));
        let listener = tokio::net::TcpListener::bind(config.listen)
            .await
            .with_context(|| format!("binding {}", config.listen))?;
        let addr = listener.local_addr()?;
        let mut tasks = Vec::new();
        tasks.push(tokio::spawn(
            view.clone().follow(store.clone(), cancel.clone()),
        ));
        tasks.push(tokio::spawn(reconcilers::cleanup(
            app.clone(),
            cancel.clone(),
        )));
        let router = http::router(app.clone());
        let shutdown = cancel.clone();
        tasks.push(tokio::spawn(async move {
            let served = axum::serve(listener, router)
                .with_graceful_shutdown(async move { shutdown.cancelled().await })
                .await;
            if let Err(err) = served {
                tracing::error!(error = %err, "HTTP server failed");
            }
        }));
        tracing::info!(%addr, "berth server listening");
        Ok(Self {
            app,
            addr,
            credentials,
            tasks,
        })
    }

    /// Waits for every server task to finish (after cancellation).
    pub async fn join(self) {
        for task in self.tasks {
            let _ = task.await;
        }
    }
}

/// On a new store: the `default` cluster and one access key, written once, atomically.
async fn initialise(store: &DynStore) -> anyhow::Result<()> {
    const MARKER: &str = "/meta/initialised";
    if store.get(MARKER).await?.is_some() {
        return Ok(());
    }
    let access_key = AccessKeyRecord {
        access_key_id: format!("AKBERTH{}", random_upper(13)),
        secret_access_key: app::agents_secret(),
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

fn random_upper(len: usize) -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut rng = rand::thread_rng();
    (0..len)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}
