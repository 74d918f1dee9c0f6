//! `berth lb`: the load balancer data plane as its own process.
//!
//! Two sources of configuration:
//!
//! - `--server URL --token T`: the control plane's channel (`/lb/v1`, see the server's
//!   `data_plane.rs`). The token (from `berth join-token create --load-balancer`) is
//!   exchanged once for a credential kept in the data directory, with the server's CA
//!   pinned by the token's hash as agents do; then the configuration is long-polled by
//!   generation, and health snapshots are posted on every change and at least every
//!   [`REPORT_INTERVAL`]. Every configuration received is kept in `DATA_DIR/config.json`,
//!   so a restarted `berth lb` (`kill -9` included) serves the same listeners and targets
//!   at once, before the server answers.
//! - `--config FILE`: an `LbConfig` as JSON, applied again on SIGHUP or when the file
//!   changes (checked every second).
//!
//! With `--health-file` each new health snapshot is also written there (JSON, replaced
//! atomically).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use anyhow::{bail, Context};
use berth_api::lb::{HealthSnapshot, LbConfig};
use clap::Args;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

/// How often health is reported even when nothing changed (the server forgets a data
/// plane silent for three times this).
const REPORT_INTERVAL: Duration = Duration::from_secs(10);
/// How long one configuration long poll waits on the server.
const POLL_WAIT: Duration = Duration::from_secs(20);
/// The longest pause between attempts to reach the server.
const MAX_BACKOFF: Duration = Duration::from_secs(10);
/// The largest configuration accepted from the server.
const MAX_CONFIG_BYTES: usize = 64 * 1024 * 1024;
const CONFIG_FILE: &str = "config.json";
const CREDENTIAL_FILE: &str = "credential.json";

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("source").required(true).args(["config", "server"]))]
pub struct LbArgs {
    /// The configuration: a JSON `LbConfig` (load balancers, listeners, rules, target
    /// groups). Re-read on SIGHUP and when the file changes.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// The control plane's URL, e.g. https://10.0.0.5:8042: serve what its ELBv2 API
    /// describes and report health to it.
    #[arg(long)]
    pub server: Option<String>,
    /// A load balancer join token from `berth join-token create --load-balancer`:
    /// K10<CA hash>::<secret>. Needed for the first start only.
    #[arg(long, env = "BERTH_LB_TOKEN", requires = "server")]
    pub token: Option<String>,
    /// Where the credential, the server's CA and the last configuration are kept.
    /// Defaults to <data dir>/lb.
    #[arg(long, requires = "server")]
    pub data_dir: Option<PathBuf>,
    /// The name this data plane registers under (default: the host's name).
    #[arg(long, requires = "server")]
    pub name: Option<String>,
    /// Where to write each health snapshot (JSON).
    #[arg(long)]
    pub health_file: Option<PathBuf>,
    /// Runtime worker threads (default: one per CPU).
    #[arg(long)]
    pub threads: Option<usize>,
}

pub async fn run(args: LbArgs, cancel: CancellationToken) -> anyhow::Result<()> {
    let (health_tx, health_rx) = watch::channel(HealthSnapshot::default());
    let (config_rx, health_rx) = match (&args.config, &args.server) {
        (Some(path), _) => {
            let first = read_config(path)?;
            first
                .validate()
                .with_context(|| format!("{} is not a valid configuration", path.display()))?;
            let (config_tx, config_rx) = watch::channel(Arc::new(first));
            tokio::spawn(reload(path.clone(), config_tx, cancel.clone()));
            (config_rx, health_rx)
        }
        (None, Some(server)) => {
            let data_dir = args
                .data_dir
                .clone()
                .unwrap_or_else(|| crate::commands::default_data_dir().join("lb"));
            std::fs::create_dir_all(&data_dir)
                .with_context(|| format!("creating {}", data_dir.display()))?;
            let saved = data_dir.join(CONFIG_FILE);
            let first = match read_config(&saved) {
                Ok(config) => {
                    tracing::info!(
                        generation = config.generation,
                        "serving the saved configuration"
                    );
                    config
                }
                Err(_) => LbConfig::default(),
            };
            let (config_tx, config_rx) = watch::channel(Arc::new(first));
            let channel = Channel {
                server: server.trim_end_matches('/').to_owned(),
                token: args.token.clone(),
                data_dir,
                name: args.name.clone().unwrap_or_else(host_name),
            };
            let reports = health_rx.clone();
            let cancel_channel = cancel.clone();
            tokio::spawn(async move {
                if let Err(err) = channel.run(config_tx, reports, cancel_channel).await {
                    tracing::error!(
                        error = format!("{err:#}"),
                        "the control-plane channel stopped"
                    );
                }
            });
            (config_rx, health_rx)
        }
        (None, None) => bail!("give --config FILE or --server URL"),
    };
    tokio::spawn(report_health(health_rx, args.health_file.clone()));
    berth_lb::run(config_rx, health_tx, cancel, berth_lb::Limits::default()).await?;
    Ok(())
}

fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_owned())
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "berth-lb".into())
}

/// The control plane's channel: registration, the configuration's long poll and the
/// health reports.
struct Channel {
    server: String,
    token: Option<String>,
    data_dir: PathBuf,
    name: String,
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct Credential {
    id: String,
    credential: String,
}

impl Channel {
    async fn run(
        self,
        config: watch::Sender<Arc<LbConfig>>,
        health: watch::Receiver<HealthSnapshot>,
        cancel: CancellationToken,
    ) -> anyhow::Result<()> {
        let token = self
            .token
            .as_deref()
            .map(berth_agent::client::JoinToken::parse)
            .transpose()?;
        let builder = if self.server.starts_with("https://") {
            let Some(ca) = berth_agent::client::pinned_ca(
                &self.server,
                &self.data_dir,
                token.as_ref(),
                MAX_BACKOFF,
                &cancel,
            )
            .await?
            else {
                return Ok(());
            };
            berth_agent::client::pinned_client(&ca)?
        } else {
            reqwest::Client::builder()
        };
        let http = builder
            .connect_timeout(Duration::from_secs(5))
            .build()
            .context("building the HTTP client")?;
        let Some(credential) = self.credential(&http, token.as_ref(), &cancel).await? else {
            return Ok(());
        };
        tracing::info!(id = %credential.id, server = %self.server, "load balancer connected");
        let bearer = format!("Bearer {}", credential.credential);
        tokio::spawn(post_health(
            http.clone(),
            format!("{}/lb/v1/health", self.server),
            bearer.clone(),
            health,
            cancel.clone(),
        ));
        let mut backoff =
            berth_agent::backoff::Backoff::new(Duration::from_millis(200), MAX_BACKOFF);
        loop {
            let after = config.borrow().generation;
            let url = format!(
                "{}/lb/v1/config?after={after}&wait_ms={}",
                self.server,
                POLL_WAIT.as_millis()
            );
            let polled = tokio::select! {
                _ = cancel.cancelled() => return Ok(()),
                polled = fetch_config(&http, &url, &bearer) => polled,
            };
            match polled {
                Ok(next) => {
                    backoff.reset();
                    if next.generation != after {
                        if let Err(err) = save_config(&self.data_dir, &next) {
                            tracing::warn!(
                                error = format!("{err:#}"),
                                "cannot keep the configuration"
                            );
                        }
                        tracing::info!(generation = next.generation, "configuration received");
                        config.send_replace(Arc::new(next));
                    }
                    continue;
                }
                Err(err) => {
                    let delay = backoff.next_delay();
                    tracing::warn!(
                        error = format!("{err:#}"),
                        ?delay,
                        "cannot fetch the configuration; serving the last one"
                    );
                    tokio::select! {
                        _ = cancel.cancelled() => return Ok(()),
                        _ = tokio::time::sleep(delay) => {}
                    }
                }
            }
        }
    }

    /// The stored credential, or a new one for the join token (retried while the server
    /// is unreachable). `None` when cancelled.
    async fn credential(
        &self,
        http: &reqwest::Client,
        token: Option<&berth_agent::client::JoinToken>,
        cancel: &CancellationToken,
    ) -> anyhow::Result<Option<Credential>> {
        let path = self.data_dir.join(CREDENTIAL_FILE);
        if let Ok(text) = std::fs::read_to_string(&path) {
            return Ok(Some(
                serde_json::from_str(&text)
                    .with_context(|| format!("parsing {}", path.display()))?,
            ));
        }
        let Some(token) = token else {
            bail!(
                "{} holds no credential: give --token (from `berth join-token create --load-balancer`)",
                path.display()
            );
        };
        let url = format!("{}/lb/v1/register", self.server);
        let mut backoff =
            berth_agent::backoff::Backoff::new(Duration::from_millis(200), MAX_BACKOFF);
        loop {
            let sent = http
                .post(&url)
                .bearer_auth(&token.secret)
                .json(&serde_json::json!({ "name": self.name }))
                .timeout(Duration::from_secs(30))
                .send();
            let sent = tokio::select! {
                _ = cancel.cancelled() => return Ok(None),
                sent = sent => sent,
            };
            match sent {
                Ok(response) if response.status().is_success() => {
                    let credential: Credential =
                        response.json().await.context("reading the credential")?;
                    write_atomically(&path, &serde_json::to_vec(&credential)?, 0o600)?;
                    return Ok(Some(credential));
                }
                Ok(response) => {
                    let status = response.status();
                    let body = response.text().await.unwrap_or_default();
                    bail!("the server refused the join token (HTTP {status}): {body}");
                }
                Err(err) => {
                    let delay = backoff.next_delay();
                    tracing::warn!(error = %err, ?delay, "cannot reach the server to register; retrying");
                    tokio::select! {
                        _ = cancel.cancelled() => return Ok(None),
                        _ = tokio::time::sleep(delay) => {}
                    }
                }
            }
        }
    }
}

async fn fetch_config(http: &reqwest::Client, url: &str, bearer: &str) -> anyhow::Result<LbConfig> {
    let response = http
        .get(url)
        .header("authorization", bearer)
        .timeout(POLL_WAIT + Duration::from_secs(10))
        .send()
        .await
        .context("asking for the configuration")?;
    let status = response.status();
    if !status.is_success() {
        let body = response.text().await.unwrap_or_default();
        bail!("the server answered HTTP {status}: {body}");
    }
    if response
        .content_length()
        .is_some_and(|n| n > MAX_CONFIG_BYTES as u64)
    {
        bail!("the configuration is larger than {MAX_CONFIG_BYTES} bytes");
    }
    let body = response
        .bytes()
        .await
        .context("reading the configuration")?;
    if body.len() > MAX_CONFIG_BYTES {
        bail!("the configuration is larger than {MAX_CONFIG_BYTES} bytes");
    }
    serde_json::from_slice(&body).context("parsing the configuration")
}

/// Posts every new snapshot, and the last one again every [`REPORT_INTERVAL`].
async fn post_health(
    http: reqwest::Client,
    url: String,
    bearer: String,
    mut health: watch::Receiver<HealthSnapshot>,
    cancel: CancellationToken,
) {
    loop {
        let snapshot = health.borrow_and_update().clone();
        let sent = http
            .post(&url)
            .header("authorization", &bearer)
            .json(&snapshot)
            .timeout(Duration::from_secs(30))
            .send()
            .await;
        match sent {
            Ok(response) if response.status().is_success() => {}
            Ok(response) => {
                let status = response.status();
                let body = response.text().await.unwrap_or_default();
                tracing::warn!(%status, %body, "the server refused a health report");
            }
            Err(err) => tracing::warn!(error = %err, "cannot report health"),
        }
        tokio::select! {
            _ = cancel.cancelled() => return,
            changed = health.changed() => if changed.is_err() { return },
            _ = tokio::time::sleep(REPORT_INTERVAL) => {}
        }
    }
}

fn save_config(data_dir: &Path, config: &LbConfig) -> anyhow::Result<()> {
    write_atomically(
        &data_dir.join(CONFIG_FILE),
        &serde_json::to_vec(config)?,
        0o600,
    )
}

/// Writes a file whole (a temporary file synced, then renamed), so that a crash leaves
/// the old or the new one.
fn write_atomically(path: &Path, contents: &[u8], mode: u32) -> anyhow::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let temp = path.with_extension("tmp");
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .mode(mode)
        .open(&temp)
        .with_context(|| format!("writing {}", temp.display()))?;
    file.write_all(contents)?;
    file.sync_all()?;
    std::fs::rename(&temp, path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

fn read_config(path: &Path) -> anyhow::Result<LbConfig> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Sends the file's configuration again on SIGHUP or when its modification time changes.
/// A file that does not parse is logged and the running configuration stays.
async fn reload(
    path: PathBuf,
    config: watch::Sender<Arc<LbConfig>>,
    cancel: CancellationToken,
) -> anyhow::Result<()> {
    let mut hangup = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup())
        .context("listening for SIGHUP")?;
    let mut last_modified = modified(&path);
    let mut ticker = tokio::time::interval(Duration::from_secs(1));
    loop {
        let forced = tokio::select! {
            _ = hangup.recv() => true,
            _ = ticker.tick() => false,
            _ = cancel.cancelled() => return Ok(()),
        };
        let now_modified = modified(&path);
        if !forced && now_modified == last_modified {
            continue;
        }
        last_modified = now_modified;
        match read_config(&path) {
            Ok(next) => {
                tracing::info!(generation = next.generation, "configuration reloaded");
                config.send_replace(Arc::new(next));
            }
            Err(err) => tracing::error!(error = format!("{err:#}"), "configuration not reloaded"),
        }
    }
}

/// Logs every target's state change and keeps the health file current.
async fn report_health(mut health: watch::Receiver<HealthSnapshot>, file: Option<PathBuf>) {
    let mut last = HealthSnapshot::default();
    while health.changed().await.is_ok() {
        let snapshot = health.borrow_and_update().clone();
        for group in &snapshot.target_groups {
            for target in &group.targets {
                let before = last
                    .target_groups
                    .iter()
                    .find(|g| g.target_group_arn == group.target_group_arn)
                    .and_then(|g| {
                        g.targets
                            .iter()
                            .find(|t| t.ip == target.ip && t.port == target.port)
                    });
                if before.map(|b| (b.state, b.reason)) != Some((target.state, target.reason)) {
                    tracing::info!(
                        target_group = %group.target_group_arn,
                        target = %format!("{}:{}", target.ip, target.port),
                        state = target.state.as_str(),
                        reason = target.reason.map(|r| r.as_str()),
                        "target health"
                    );
                }
            }
        }
        for error in &snapshot.listener_errors {
            tracing::error!(listener = %error.listener_arn, port = error.port, "{}", error.message);
        }
        if let Some(error) = &snapshot.config_error {
            tracing::error!("configuration refused: {error}");
        }
        if let Some(file) = &file {
            if let Err(err) = serde_json::to_vec_pretty(&snapshot)
                .map_err(anyhow::Error::from)
                .and_then(|json| write_atomically(file, &json, 0o644))
            {
                tracing::warn!(error = format!("{err:#}"), "cannot write the health file");
            }
        }
        last = snapshot;
    }
}
