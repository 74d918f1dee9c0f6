//! Command-line parsing and the commands themselves.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context};
use berth_agent::{AgentConfig, ContainerRuntime};
use berth_server::{AppConfig, Server, ServerConfig};
use berth_store::{DynStore, SqliteStore};
use clap::{Args, Parser, Subcommand, ValueEnum};
use tokio_util::sync::CancellationToken;

/// berth: a self-hosted container orchestrator that speaks the Amazon ECS API.
#[derive(Debug, Parser)]
#[command(name = "berth", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run a control plane and a Docker agent in one process, for a laptop.
    Dev(DevArgs),
    /// Run the control plane.
    Server(ServerArgs),
    /// Run an agent that joins this host to a cluster.
    Agent(AgentArgs),
    /// Benchmarks that print figures against a baseline measured in the same run.
    Bench {
        #[command(subcommand)]
        which: crate::bench::BenchCommand,
    },
}

#[derive(Debug, Args)]
struct ServerOptions {
    /// Address to serve the ECS API and the agent API on.
    #[arg(long, default_value = "127.0.0.1:8042")]
    listen: SocketAddr,
    /// Where state (the SQLite store), credentials and the env file live. Defaults to
    /// $XDG_DATA_HOME/berth (or ~/.local/share/berth).
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// The region in ARNs and in the SigV4 scope clients must sign for.
    #[arg(long, default_value = "us-east-1", env = "BERTH_REGION")]
    region: String,
    /// The account ID in ARNs.
    #[arg(long, default_value = "000000000000", env = "BERTH_ACCOUNT")]
    account: String,
    /// Seconds without a heartbeat after which an agent is disconnected.
    #[arg(long, default_value_t = 8)]
    agent_ttl_secs: u64,
    /// Seconds that STOPPED tasks stay describable.
    #[arg(long, default_value_t = 3600)]
    stopped_task_retention_secs: u64,
}

#[derive(Debug, Args)]
struct DevArgs {
    #[command(flatten)]
    server: ServerOptions,
    /// Seconds the agent keeps a stopped task's containers before removing them.
    #[arg(long, default_value_t = 3 * 3600)]
    task_cleanup_wait_secs: u64,
}

#[derive(Debug, Args)]
struct ServerArgs {
    #[command(flatten)]
    server: ServerOptions,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RuntimeKind {
    Docker,
    Fake,
}

#[derive(Debug, Args)]
struct AgentArgs {
    /// The server's URL, e.g. http://127.0.0.1:8042.
    #[arg(long)]
    server: String,
    /// A join token (needed for the first start; the agent stores its own credential).
    #[arg(long, env = "BERTH_JOIN_TOKEN")]
    token: Option<String>,
    #[arg(long, default_value = "default")]
    cluster: String,
    #[arg(long, value_enum, default_value = "docker")]
    runtime: RuntimeKind,
    /// Attributes of this host, as NAME=VALUE or NAME; repeatable.
    #[arg(long = "attribute")]
    attributes: Vec<String>,
    /// EC2 or EXTERNAL.
    #[arg(long, default_value = "EC2")]
    launch_type: String,
    /// Where the agent keeps its identity and ledger. Defaults to <data dir>/agent.
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Seconds the agent keeps a stopped task's containers before removing them.
    #[arg(long, default_value_t = 3 * 3600)]
    task_cleanup_wait_secs: u64,
    /// Seconds between heartbeats.
    #[arg(long, default_value_t = 2)]
    heartbeat_secs: u64,
}

/// The per-user data directory: $XDG_DATA_HOME/berth, else ~/.local/share/berth.
pub fn default_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir).join("berth");
    }
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."));
    home.join(".local").join("share").join("berth")
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Dev(args) => dev(args).await,
        Command::Server(args) => server(args).await,
        Command::Agent(args) => agent(args).await,
        Command::Bench { which } => crate::bench::run(which).await,
    }
}

/// Cancels the token on SIGINT or SIGTERM.
fn cancel_on_signal() -> CancellationToken {
    let cancel = CancellationToken::new();
    let token = cancel.clone();
    tokio::spawn(async move {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(term) => term,
                Err(err) => {
                    tracing::error!(error = %err, "cannot listen for SIGTERM");
                    return;
                }
            };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
        tracing::info!("shutting down");
        token.cancel();
    });
    cancel
}

struct StartedServer {
    server: Server,
    data_dir: PathBuf,
}

async fn start_server(
    options: &ServerOptions,
    cancel: &CancellationToken,
) -> anyhow::Result<StartedServer> {
    let data_dir = options.data_dir.clone().unwrap_or_else(default_data_dir);
    std::fs::create_dir_all(&data_dir)
        .with_context(|| format!("creating the data directory {}", data_dir.display()))?;
    let store: DynStore = Arc::new(
        SqliteStore::open(&data_dir.join("berth.db"))
            .with_context(|| format!("opening the store in {}", data_dir.display()))?,
    );
    let config = ServerConfig {
        listen: options.listen,
        app: AppConfig {
            scope: berth_api::arn::ArnScope {
                partition: "aws".into(),
                region: options.region.clone(),
                account: options.account.clone(),
            },
            agent_ttl: Duration::from_secs(options.agent_ttl_secs.max(1)),
            stopped_task_retention: Duration::from_secs(options.stopped_task_retention_secs),
            ..AppConfig::default()
        },
    };
    let server = Server::start(store, config, cancel.clone()).await?;
    write_env_file(&data_dir, &server, &options.region)?;
    Ok(StartedServer { server, data_dir })
}

/// Writes `DIR/env` with the variables the aws CLI and SDKs need, readable by the owner only.
fn write_env_file(data_dir: &Path, server: &Server, region: &str) -> anyhow::Result<()> {
    let endpoint = format!("http://{}", server.addr);
    let contents = format!(
        "export AWS_ACCESS_KEY_ID={}\nexport AWS_SECRET_ACCESS_KEY={}\nexport AWS_REGION={region}\nexport AWS_DEFAULT_REGION={region}\nexport AWS_ENDPOINT_URL_ECS={endpoint}\n",
        server.credentials.access_key_id, server.credentials.secret_access_key
    );
    let path = data_dir.join("env");
    let temp = data_dir.join("env.tmp");
    {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(true)
            .write(true)
            .mode(0o600)
            .open(&temp)
            .with_context(|| format!("writing {}", temp.display()))?;
        file.write_all(contents.as_bytes())?;
        file.sync_all()?;
    }
    std::fs::rename(&temp, &path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

fn print_banner(started: &StartedServer, region: &str) {
    let server = &started.server;
    let env = started.data_dir.join("env");
    println!("berth is serving the ECS API at http://{}", server.addr);
    println!();
    println!("  AWS_ACCESS_KEY_ID={}", server.credentials.access_key_id);
    println!(
        "  AWS_SECRET_ACCESS_KEY={}",
        server.credentials.secret_access_key
    );
    println!("  AWS_REGION={region}");
    println!("  AWS_ENDPOINT_URL_ECS=http://{}", server.addr);
    println!();
    println!("Try it (in another shell):");
    println!("  source {}", env.display());
    println!("  aws ecs list-clusters");
    println!();
}

async fn server(args: ServerArgs) -> anyhow::Result<()> {
    let cancel = cancel_on_signal();
    let started = start_server(&args.server, &cancel).await?;
    print_banner(&started, &args.server.region);
    cancel.cancelled().await;
    started.server.join().await;
    Ok(())
}

/// The reusable join token `berth dev` gives its own agent, kept in the data directory.
async fn dev_join_token(started: &StartedServer) -> anyhow::Result<String> {
    let path = started.data_dir.join("dev-join-token");
    if let Ok(token) = std::fs::read_to_string(&path) {
        let token = token.trim().to_owned();
        if !token.is_empty() {
            return Ok(token);
        }
    }
    let token = started
        .server
        .app
        .create_join_token("default", true)
        .await
        .map_err(|e| anyhow::anyhow!("creating the dev join token: {e}"))?;
    std::fs::write(&path, &token).with_context(|| format!("writing {}", path.display()))?;
    Ok(token)
}

async fn dev(args: DevArgs) -> anyhow::Result<()> {
    let cancel = cancel_on_signal();
    let started = start_server(&args.server, &cancel).await?;
    let token = dev_join_token(&started).await?;
    let runtime: Arc<dyn ContainerRuntime> = Arc::new(
        berth_agent::DockerRuntime::connect()
            .await
            .context("connecting to Docker (is dockerd running? see scripts/start-dockerd.sh)")?,
    );
    let server_url = format!("http://{}", started.server.addr);
    let config = AgentConfig {
        join_token: Some(token),
        task_cleanup_wait: Duration::from_secs(args.task_cleanup_wait_secs),
        heartbeat_interval: Duration::from_secs(2),
        ..AgentConfig::new(
            server_url.clone(),
            "default",
            started.data_dir.join("agent"),
        )
    };
    let control = Arc::new(berth_agent::HttpControlPlane::new(&server_url)?);
    print_banner(&started, &args.server.region);
    let agent_cancel = cancel.clone();
    let agent =
        tokio::spawn(async move { berth_agent::run(config, runtime, control, agent_cancel).await });
    cancel.cancelled().await;
    match agent.await {
        Ok(Ok(())) => {}
        Ok(Err(err)) => tracing::error!(error = format!("{err:#}"), "agent stopped with an error"),
        Err(err) => tracing::error!(error = %err, "agent task failed"),
    }
    started.server.join().await;
    Ok(())
}

fn parse_attribute(value: &str) -> anyhow::Result<(String, Option<String>)> {
    let (name, value) = match value.split_once('=') {
        Some((name, value)) => (name, Some(value.to_owned())),
        None => (value, None),
    };
    if name.is_empty() {
        bail!("attribute '{value:?}' has no name; use NAME=VALUE");
    }
    Ok((name.to_owned(), value))
}

async fn agent(args: AgentArgs) -> anyhow::Result<()> {
    let cancel = cancel_on_signal();
    let attributes = args
        .attributes
        .iter()
        .map(|a| parse_attribute(a))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let runtime: Arc<dyn ContainerRuntime> = match args.runtime {
        RuntimeKind::Docker => Arc::new(
            berth_agent::DockerRuntime::connect()
                .await
                .context("connecting to Docker")?,
        ),
        RuntimeKind::Fake => Arc::new(berth_agent::FakeRuntime::new(Default::default())),
    };
    let data_dir = args
        .data_dir
        .clone()
        .unwrap_or_else(|| default_data_dir().join("agent"));
    let config = AgentConfig {
        join_token: args.token.clone(),
        attributes,
        launch_type: args.launch_type.parse()?,
        task_cleanup_wait: Duration::from_secs(args.task_cleanup_wait_secs),
        heartbeat_interval: Duration::from_secs(args.heartbeat_secs.max(1)),
        ..AgentConfig::new(args.server.clone(), args.cluster.clone(), data_dir)
    };
    let control = Arc::new(berth_agent::HttpControlPlane::new(&args.server)?);
    berth_agent::run(config, runtime, control, cancel).await
}
