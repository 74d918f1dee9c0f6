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

impl Cli {
    /// Whether this runs a lone agent, which needs only one runtime thread.
    pub fn is_agent(&self) -> bool {
        matches!(self.command, Command::Agent(_))
    }

    /// The runtime worker threads the command asks for, if any.
    pub fn worker_threads(&self) -> Option<usize> {
        match &self.command {
            Command::Lb(args) => args.threads,
            _ => None,
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run a control plane and a Docker agent in one process, for a laptop.
    Dev(DevArgs),
    /// Run the control plane.
    Server(ServerArgs),
    /// Run an agent that joins this host to a cluster.
    Agent(AgentArgs),
    /// Manage the tokens that let agents join a cluster.
    JoinToken {
        #[command(subcommand)]
        which: JoinTokenCommand,
    },
    /// Benchmarks that print figures against a baseline measured in the same run.
    Bench {
        #[command(subcommand)]
        which: crate::bench::BenchCommand,
    },
    /// Run N simulated agents (fake runtime, real agent protocol) against a server.
    Sim(crate::sim::SimArgs),
    /// Print a task's awslogs lines from the server's CloudWatch Logs API.
    Logs(crate::logs::LogsArgs),
    /// Run a load balancer data plane (HTTP, HTTPS and TCP listeners) for a server's ELBv2
    /// API (`--server URL --token T`) or from a configuration file.
    Lb(crate::lb::LbArgs),
    /// Run a command in a task's container (ECS Exec); exits with the command's code.
    Exec(crate::exec::ExecArgs),
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
    /// Seconds after the agent TTL at which a silent agent's host is lost: its tasks stop.
    #[arg(long, default_value_t = 1)]
    host_lost_grace_secs: u64,
    /// Seconds an interrupted FARGATE_SPOT task's containers get between SIGTERM and
    /// SIGKILL (Fargate gives two minutes).
    #[arg(long, default_value_t = 120)]
    spot_interruption_notice_secs: u64,
    /// Seconds that STOPPED tasks stay describable.
    #[arg(long, default_value_t = 3600)]
    stopped_task_retention_secs: u64,
    /// The name or address of the host that serves the load balancers' listeners: the
    /// ELBv2 `DNSName` of internet-facing load balancers. HTTPS listeners' certificates are
    /// PEM files in DATA_DIR/certificates.
    #[arg(long, default_value = "127.0.0.1")]
    lb_dns_name: String,
    /// Do not serve the load balancers in this process: `berth lb --server URL --token T`
    /// processes serve them (on this host too, where only one data plane may bind a
    /// listener's port).
    #[arg(long)]
    no_load_balancer: bool,
}

/// How an agent learns its host's GPUs.
#[derive(Debug, Args)]
struct GpuArgs {
    /// The nvidia-smi the agent asks for the host's NVIDIA GPUs at registration. Default:
    /// nvidia-smi on PATH; without one the host registers no GPUs.
    #[arg(long, value_name = "PATH", conflicts_with = "no_gpus")]
    nvidia_smi: Option<PathBuf>,
    /// Register no GPUs, even if the host has some.
    #[arg(long)]
    no_gpus: bool,
}

impl GpuArgs {
    fn source(&self) -> berth_agent::GpuSource {
        if self.no_gpus {
            berth_agent::GpuSource::Disabled
        } else {
            berth_agent::GpuSource::NvidiaSmi(self.nvidia_smi.clone())
        }
    }
}

#[derive(Debug, Args)]
struct DevArgs {
    #[command(flatten)]
    server: ServerOptions,
    #[command(flatten)]
    gpus: GpuArgs,
    /// Seconds the agent keeps a stopped task's containers before removing them.
    #[arg(long, default_value_t = 3 * 3600)]
    task_cleanup_wait_secs: u64,
    #[command(flatten)]
    task_endpoint: TaskEndpointArgs,
    /// The CIDR of the `default` subnet awsvpc tasks get addresses from (made on first
    /// start; this host gets its first /24). Pick a range no route of the host uses.
    #[arg(long, default_value = "10.100.0.0/16")]
    subnet_cidr: String,
    /// Do not make this host a host of the Fargate pool too (by default it is both the
    /// container instance of `default` and the pool's host, through a second agent).
    #[arg(long)]
    no_fargate_pool: bool,
}

/// Capacity an agent gives the control plane rather than a user's cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Capacity {
    /// The Fargate pool: the host runs FARGATE tasks of every cluster and is no
    /// container instance of any.
    Fargate,
}

/// Where the agent serves its containers the task metadata and credentials endpoint.
#[derive(Debug, Args)]
struct TaskEndpointArgs {
    /// Address of the task metadata and credentials endpoint (default: ECS's
    /// 169.254.170.2:80 with the Docker runtime; none with the fake one). The address is
    /// added to the loopback interface if missing; port 0 takes a free port, kept across
    /// restarts. Needs root; without it tasks run without the endpoint.
    #[arg(long, value_name = "ADDRESS:PORT")]
    task_endpoint: Option<SocketAddr>,
    /// Serve no task metadata and credentials endpoint.
    #[arg(long, conflicts_with = "task_endpoint")]
    no_task_endpoint: bool,
}

impl TaskEndpointArgs {
    /// The address to serve on, given whether the agent runs real containers.
    fn address(&self, real_containers: bool) -> Option<SocketAddr> {
        if self.no_task_endpoint {
            return None;
        }
        self.task_endpoint
            .or(real_containers.then_some(berth_agent::endpoint::DEFAULT_ADDRESS))
    }
}

#[derive(Debug, Args)]
struct ServerArgs {
    #[command(flatten)]
    server: ServerOptions,
    /// Extra IP address or DNS name the serving certificate covers (besides 127.0.0.1,
    /// ::1, localhost and the listen address); repeatable.
    #[arg(long = "tls-san")]
    tls_sans: Vec<String>,
}

#[derive(Debug, Subcommand)]
enum JoinTokenCommand {
    /// Create a join token on the running server and print it alone on the last line.
    Create(JoinTokenCreateArgs),
}

#[derive(Debug, Args)]
struct JoinTokenCreateArgs {
    /// The cluster the token lets agents join.
    #[arg(long, default_value = "default")]
    cluster: String,
    /// Make the token for the Fargate pool instead of a cluster (for `berth agent
    /// --capacity fargate`).
    #[arg(long, value_enum, conflicts_with = "cluster")]
    capacity: Option<Capacity>,
    /// The server's data directory: its `env` file says where the server is and how to
    /// sign requests.
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Let the token register any number of agents (default: exactly one).
    #[arg(long)]
    reusable: bool,
    /// A token for `berth lb --server URL --token T` hosts (load balancer data planes)
    /// instead of agents; `--cluster` does not apply.
    #[arg(long, conflicts_with_all = ["cluster", "capacity"])]
    load_balancer: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RuntimeKind {
    Docker,
    Fake,
}

#[derive(Debug, Args)]
struct AgentArgs {
    /// The server's URL, e.g. https://10.0.0.5:8042.
    #[arg(long)]
    server: String,
    /// A join token from `berth join-token create`: K10<CA hash>::<secret>. Needed for
    /// the first start; the agent then keeps its own credential and the server's CA.
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
    /// `fargate`: join the control plane's Fargate pool instead of a cluster (with a join
    /// token made by `berth join-token create --capacity fargate`). The host then runs the
    /// FARGATE tasks of every cluster and is no container instance of any.
    #[arg(long, value_enum, conflicts_with_all = ["cluster", "launch_type"])]
    capacity: Option<Capacity>,
    /// Where the agent keeps its identity and ledger. Defaults to <data dir>/agent.
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Seconds the agent keeps a stopped task's containers before removing them.
    #[arg(long, default_value_t = 3 * 3600)]
    task_cleanup_wait_secs: u64,
    /// Seconds between heartbeats.
    #[arg(long, default_value_t = 2)]
    heartbeat_secs: u64,
    #[command(flatten)]
    gpus: GpuArgs,
    #[command(flatten)]
    task_endpoint: TaskEndpointArgs,
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
        Command::JoinToken {
            which: JoinTokenCommand::Create(args),
        } => create_join_token(args).await,
        Command::Bench { which } => crate::bench::run(which).await,
        Command::Sim(args) => crate::sim::run(args, cancel_on_signal()).await,
        Command::Logs(args) => crate::logs::run(args).await,
        Command::Lb(args) => crate::lb::run(args, cancel_on_signal()).await,
        Command::Exec(args) => {
            let code = crate::exec::run(args).await?;
            if code != 0 {
                // The command's own exit code is berth exec's (as docker exec's is).
                std::process::exit(code);
            }
            Ok(())
        }
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

/// Starts a plain-HTTP server (as `berth dev` does).
async fn start_server(
    options: &ServerOptions,
    cancel: &CancellationToken,
) -> anyhow::Result<StartedServer> {
    start_server_with(options, None, cancel).await
}

/// Starts a server; with `tls_sans`, over TLS with the data directory's CA and a serving
/// certificate that also covers those names.
async fn start_server_with(
    options: &ServerOptions,
    tls_sans: Option<&[String]>,
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
        data_dir: data_dir.clone(),
        key_file: None,
        load_balancer: (!options.no_load_balancer).then(berth_lb::Limits::default),
        app: AppConfig {
            scope: berth_api::arn::ArnScope {
                partition: "aws".into(),
                region: options.region.clone(),
                account: options.account.clone(),
            },
            agent_ttl: Duration::from_secs(options.agent_ttl_secs.max(1)),
            host_lost_grace: Duration::from_secs(options.host_lost_grace_secs),
            spot_interruption_notice: Duration::from_secs(options.spot_interruption_notice_secs),
            stopped_task_retention: Duration::from_secs(options.stopped_task_retention_secs),
            elbv2: berth_server::app::elbv2::Elbv2Settings {
                dns_name: options.lb_dns_name.clone(),
                certificate_dir: None,
            },
            ..AppConfig::default()
        },
    };
    let server = match tls_sans {
        None => Server::start(store, config, cancel.clone()).await?,
        Some(sans) => {
            let names = berth_server::tls::server_names(options.listen, sans);
            let identity = berth_server::tls::TlsIdentity::load_or_create(&data_dir, &names)
                .with_context(|| format!("preparing TLS in {}", data_dir.display()))?;
            Server::start_tls(store, config, identity, cancel.clone()).await?
        }
    };
    write_env_file(&data_dir, &server, &options.region)?;
    Ok(StartedServer { server, data_dir })
}

/// Writes `DIR/env` with the variables the aws CLI and SDKs need, readable by the owner only.
/// With TLS it also exports `AWS_CA_BUNDLE`, so the aws CLI and SDKs trust the server's CA.
fn write_env_file(data_dir: &Path, server: &Server, region: &str) -> anyhow::Result<()> {
    let endpoint = server.endpoint();
    let mut contents = format!(
        "export AWS_ACCESS_KEY_ID={}\nexport AWS_SECRET_ACCESS_KEY={}\nexport AWS_REGION={region}\nexport AWS_DEFAULT_REGION={region}\n",
        server.credentials.access_key_id, server.credentials.secret_access_key
    );
    // One endpoint serves every API; the AWS CLI (v1, and v2 from 2.13) and the SDKs take
    // each API's endpoint from its own variable.
    for api in berth_server::apis::Api::served() {
        contents.push_str(&format!("export {}={endpoint}\n", api.endpoint_variable()));
    }
    if let Some(tls) = &server.tls {
        let ca = std::path::absolute(&tls.ca_path).unwrap_or_else(|_| tls.ca_path.clone());
        contents.push_str(&format!(
            "export AWS_CA_BUNDLE={}\n",
            shell_quote(&ca.display().to_string())
        ));
    }
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
    println!(
        "berth is serving the ECS and CloudWatch Logs APIs at {}",
        server.endpoint()
    );
    println!();
    println!("  AWS_ACCESS_KEY_ID={}", server.credentials.access_key_id);
    println!(
        "  AWS_SECRET_ACCESS_KEY={}",
        server.credentials.secret_access_key
    );
    println!("  AWS_REGION={region}");
    println!("  AWS_ENDPOINT_URL_ECS={}", server.endpoint());
    println!("  AWS_ENDPOINT_URL_CLOUDWATCH_LOGS={}", server.endpoint());
    if let Some(tls) = &server.tls {
        println!("  AWS_CA_BUNDLE={}", tls.ca_path.display());
    }
    println!();
    println!("Try it (in another shell):");
    println!("  source {}", env.display());
    println!("  aws ecs list-clusters");
    if server.tls.is_some() {
        println!();
        println!("Join a host:");
        println!(
            "  berth join-token create --cluster default --data-dir {}",
            started.data_dir.display()
        );
        println!(
            "  berth agent --server {} --cluster default --token <token>",
            server.endpoint()
        );
    }
    println!();
}

/// Quotes a value for a POSIX shell, unless it needs no quoting.
fn shell_quote(value: &str) -> String {
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-:@+=,".contains(c));
    if plain {
        value.to_owned()
    } else {
        format!("'{}'", value.replace('\'', "'\\''"))
    }
}

/// Reads `export NAME=VALUE` lines of an env file written by [`write_env_file`].
pub(crate) fn parse_env_file(contents: &str) -> std::collections::HashMap<String, String> {
    contents
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            let (name, value) = line
                .strip_prefix("export ")
                .unwrap_or(line)
                .split_once('=')?;
            let value = match value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
                Some(quoted) => quoted.replace("'\\''", "'"),
                None => value.to_owned(),
            };
            Some((name.trim().to_owned(), value))
        })
        .collect()
}

async fn server(args: ServerArgs) -> anyhow::Result<()> {
    let cancel = cancel_on_signal();
    let started = start_server_with(&args.server, Some(&args.tls_sans), &cancel).await?;
    print_banner(&started, &args.server.region);
    cancel.cancelled().await;
    started.server.join().await;
    Ok(())
}

/// The reusable join token `berth dev` gives its own agent for `cluster`, kept in the
/// data directory as `file`.
async fn dev_join_token(
    started: &StartedServer,
    cluster: &str,
    file: &str,
) -> anyhow::Result<String> {
    let path = started.data_dir.join(file);
    if let Ok(token) = std::fs::read_to_string(&path) {
        let token = token.trim().to_owned();
        if !token.is_empty() {
            return Ok(token);
        }
    }
    let token = started
        .server
        .app
        .create_join_token(cluster, true)
        .await
        .map_err(|e| anyhow::anyhow!("creating the dev join token: {e}"))?;
    std::fs::write(&path, &token).with_context(|| format!("writing {}", path.display()))?;
    Ok(token)
}

/// Makes `berth dev`'s default subnet (and the default security group, which every server
/// has) and adds their IDs to the env file as `BERTH_DEFAULT_SUBNET` and
/// `BERTH_DEFAULT_SECURITY_GROUP`, for `--network-configuration`.
async fn dev_network(started: &StartedServer, cidr: &str) -> anyhow::Result<()> {
    {
        let app = &started.server.app;
        let subnet = app
            .ensure_subnet("default", cidr)
            .await
            .map_err(|e| anyhow::anyhow!("creating the default subnet {cidr}: {e}"))?;
        let group = app
            .ensure_default_security_group()
            .await
            .map_err(|e| anyhow::anyhow!("creating the default security group: {e}"))?;
        let path = started.data_dir.join("env");
        let mut env = std::fs::read_to_string(&path).unwrap_or_default();
        env.push_str(&format!(
            "export BERTH_DEFAULT_SUBNET={}\nexport BERTH_DEFAULT_SECURITY_GROUP={}\n",
            subnet.id, group.id
        ));
        std::fs::write(&path, env).with_context(|| format!("writing {}", path.display()))?;
        tracing::info!(subnet = %subnet.id, cidr = %subnet.cidr, security_group = %group.id, "awsvpc defaults");
        Ok(())
    }
}

async fn dev(args: DevArgs) -> anyhow::Result<()> {
    let cancel = cancel_on_signal();
    let started = start_server(&args.server, &cancel).await?;
    let token = dev_join_token(&started, "default", "dev-join-token").await?;
    dev_network(&started, &args.subnet_cidr).await?;
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
        gpus: args.gpus.source(),
        task_endpoint: args.task_endpoint.address(true),
        ..AgentConfig::new(
            server_url.clone(),
            "default",
            started.data_dir.join("agent"),
        )
    };
    // The same host is also the Fargate pool's: a second agent over the same Docker
    // registers it there (its own ledger, its own slice of the subnet, the metadata
    // endpoint on the same address at a port of its own, since the first holds ECS's).
    let pool_config = if args.no_fargate_pool {
        None
    } else {
        let pool_token = dev_join_token(
            &started,
            berth_api::protocol::FARGATE_POOL_CLUSTER,
            "dev-fargate-join-token",
        )
        .await?;
        Some(AgentConfig {
            join_token: Some(pool_token),
            launch_type: berth_agent::LaunchType::Fargate,
            gpus: berth_agent::GpuSource::Disabled,
            task_endpoint: config.task_endpoint.map(|a| SocketAddr::new(a.ip(), 0)),
            ..AgentConfig::new(
                server_url.clone(),
                berth_api::protocol::FARGATE_POOL_CLUSTER,
                started.data_dir.join("agent-fargate"),
            )
        })
    };
    let control = Arc::new(berth_agent::HttpControlPlane::new(&server_url)?);
    print_banner(&started, &args.server.region);
    let mut agents = Vec::new();
    let agent_cancel = cancel.clone();
    let agent_runtime = runtime.clone();
    agents.push(tokio::spawn(async move {
        berth_agent::run(config, agent_runtime, control, agent_cancel).await
    }));
    if let Some(pool_config) = pool_config {
        let pool_control = Arc::new(berth_agent::HttpControlPlane::new(&server_url)?);
        let pool_cancel = cancel.clone();
        agents.push(tokio::spawn(async move {
            berth_agent::run(pool_config, runtime, pool_control, pool_cancel).await
        }));
    }
    cancel.cancelled().await;
    for agent in agents {
        match agent.await {
            Ok(Ok(())) => {}
            Ok(Err(err)) => {
                tracing::error!(error = format!("{err:#}"), "agent stopped with an error")
            }
            Err(err) => tracing::error!(error = %err, "agent task failed"),
        }
    }
    started.server.join().await;
    Ok(())
}

/// `NAME=VALUE` or `NAME`, as `--attribute` takes them.
pub(crate) fn parse_attribute(value: &str) -> anyhow::Result<(String, Option<String>)> {
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
    let token = args
        .token
        .as_deref()
        .map(berth_agent::client::JoinToken::parse)
        .transpose()?;
    let (cluster, launch_type) = match args.capacity {
        Some(Capacity::Fargate) => (
            berth_api::protocol::FARGATE_POOL_CLUSTER.to_owned(),
            berth_agent::LaunchType::Fargate,
        ),
        None => (args.cluster.clone(), args.launch_type.parse()?),
    };
    let config = AgentConfig {
        // The server checks the secret only; the CA hash is for the agent.
        join_token: token.as_ref().map(|t| t.secret.clone()),
        attributes,
        launch_type,
        task_cleanup_wait: Duration::from_secs(args.task_cleanup_wait_secs),
        heartbeat_interval: Duration::from_secs(args.heartbeat_secs.max(1)),
        gpus: args.gpus.source(),
        task_endpoint: args
            .task_endpoint
            .address(matches!(args.runtime, RuntimeKind::Docker)),
        ..AgentConfig::new(args.server.clone(), cluster, data_dir.clone())
    };
    config.validate()?;
    let control = if args.server.starts_with("https://") {
        let ca = berth_agent::client::pinned_ca(
            &args.server,
            &data_dir,
            token.as_ref(),
            config.max_backoff,
            &cancel,
        )
        .await?;
        let Some(ca) = ca else {
            // Cancelled while the server was unreachable.
            return Ok(());
        };
        berth_agent::HttpControlPlane::with_ca(&args.server, &ca)?
    } else {
        berth_agent::HttpControlPlane::new(&args.server)?
    };
    berth_agent::run(config, runtime, Arc::new(control), cancel).await
}

/// `berth join-token create`: asks the running server (found through `DIR/env`) for a
/// token, and prints `K10<CA hash>::<secret>` (the bare secret for a plain-HTTP server)
/// alone on the last line.
async fn create_join_token(args: JoinTokenCreateArgs) -> anyhow::Result<()> {
    use berth_server::sigv4;

    let data_dir = args.data_dir.unwrap_or_else(default_data_dir);
    let env_path = data_dir.join("env");
    let env = parse_env_file(&std::fs::read_to_string(&env_path).with_context(|| {
        format!(
            "reading {} (has `berth server` been started with this data directory?)",
            env_path.display()
        )
    })?);
    let get = |name: &str| {
        env.get(name)
            .map(String::as_str)
            .with_context(|| format!("{} does not set {name}", env_path.display()))
    };
    let endpoint = get("AWS_ENDPOINT_URL_ECS")?.trim_end_matches('/');
    let region = get("AWS_REGION")?;
    let credentials =
        sigv4::Credentials::new(get("AWS_ACCESS_KEY_ID")?, get("AWS_SECRET_ACCESS_KEY")?);
    let ca_pem = match env.get("AWS_CA_BUNDLE") {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .with_context(|| format!("reading the server's CA {path}"))?,
        ),
        None => None,
    };
    let builder = match &ca_pem {
        Some(pem) => berth_agent::client::pinned_client(pem)?,
        None => reqwest::Client::builder(),
    };
    let client = builder.timeout(Duration::from_secs(30)).build()?;

    let cluster = match args.capacity {
        Some(Capacity::Fargate) => berth_api::protocol::FARGATE_POOL_CLUSTER.to_owned(),
        None => args.cluster.clone(),
    };
    let (url, body) = if args.load_balancer {
        (
            format!("{endpoint}/control/v1/lb-join-tokens"),
            serde_json::json!({ "reusable": args.reusable }),
        )
    } else {
        (
            format!("{endpoint}/control/v1/join-tokens"),
            serde_json::json!({ "cluster": cluster, "reusable": args.reusable }),
        )
    };
    let body = serde_json::to_vec(&body)?;
    let (mut parts, ()) = http::Request::builder()
        .method("POST")
        .uri(&url)
        .header("content-type", "application/json")
        .body(())?
        .into_parts();
    let params =
        sigv4::SigningParams::new(&credentials, region, "ecs", time::OffsetDateTime::now_utc());
    sigv4::sign(&mut parts, &body, &params).context("signing the request")?;
    let response = client
        .post(&url)
        .headers(parts.headers)
        .body(body)
        .send()
        .await
        .with_context(|| format!("asking {endpoint} for a join token (is the server running?)"))?;
    let status = response.status();
    let reply: serde_json::Value = response
        .json()
        .await
        .with_context(|| format!("reading the answer of {endpoint} (HTTP {status})"))?;
    if !status.is_success() {
        let kind = reply["__type"].as_str().unwrap_or("error");
        let message = reply["message"].as_str().unwrap_or("");
        bail!("the server refused to create a join token: {kind}: {message}");
    }
    let secret = reply["token"]
        .as_str()
        .context("the server's answer holds no token")?;
    let token = match &ca_pem {
        Some(pem) => berth_agent::client::JoinToken::format(
            &berth_agent::client::ca_fingerprint(pem)?,
            secret,
        ),
        None => secret.to_owned(),
    };
    let kind = if args.reusable {
        "reusable"
    } else {
        "one-time"
    };
    if args.load_balancer {
        println!("A {kind} join token for load balancers (berth lb --server URL --token T):");
    } else if args.capacity == Some(Capacity::Fargate) {
        println!("A {kind} join token for the Fargate pool:");
    } else {
        println!("A {kind} join token for cluster {cluster}:");
    }
    println!("{token}");
    Ok(())
}
