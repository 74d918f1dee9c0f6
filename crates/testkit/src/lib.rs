//! Test harness: a real `berth server` on 127.0.0.1:0 over a real SQLite file in a
//! temporary directory, optional agents (Docker or fake runtime) talking to it over
//! HTTP, and an `aws-sdk-ecs` client signed with the server's credentials.
//!
//! Tests poll with [`wait_for`] instead of sleeping, and `TestCluster::restart` stops
//! and starts everything on the same data directory, as a user restarting `berth dev`.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use berth_agent::{AgentConfig, ContainerRuntime};
use berth_server::{AppConfig, Server, ServerConfig};
use berth_store::{DynStore, SqliteStore};
use tokio_util::sync::CancellationToken;

pub use aws_sdk_ecs;

/// The image Docker tests run: built locally FROM scratch with a static busybox.
pub fn test_image() -> String {
    std::env::var("BERTH_TEST_IMAGE").unwrap_or_else(|_| "berth-test/busybox:latest".to_owned())
}

/// Whether Docker tests can run. With `BERTH_REQUIRE_DOCKER` set (as in CI), a missing
/// Docker is a failure, not a skip.
pub fn docker_available() -> bool {
    let present =
        Path::new("/var/run/docker.sock").exists() || std::env::var_os("DOCKER_HOST").is_some();
    if !present && std::env::var_os("BERTH_REQUIRE_DOCKER").is_some() {
        panic!("BERTH_REQUIRE_DOCKER is set but Docker is not reachable");
    }
    if !present {
        eprintln!(
            "skipping: Docker is not available (set BERTH_REQUIRE_DOCKER to make this fatal)"
        );
    }
    present
}

/// Installs a test log subscriber once (`BERTH_LOG=debug` for more).
pub fn init_logging() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let filter = tracing_subscriber::EnvFilter::try_from_env("BERTH_LOG")
            .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
        let _ = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_test_writer()
            .try_init();
    });
}

/// Polls `check` until it returns `Some`, or panics after `timeout` naming `what`.
pub async fn wait_for<T, F, Fut>(what: &str, timeout: Duration, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(value) = check().await {
            return value;
        }
        if Instant::now() > deadline {
            panic!("timed out after {timeout:?} waiting for {what}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Which runtime an agent of the cluster uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentKind {
    None,
    Docker,
    Fake,
}

/// Settings for a test cluster.
#[derive(Debug, Clone)]
pub struct Options {
    pub agent: AgentKind,
    pub app: AppConfig,
    pub task_cleanup_wait: Duration,
    /// The GPUs the cluster's agent registers. Default: none, whatever the test host has.
    pub gpus: berth_agent::GpuSource,
    /// Serve the ELBv2 load balancers in the server's process, as `berth dev` does.
    /// Default: off, so that tests that record observed state by hand are alone in
    /// writing it.
    pub load_balancer: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            agent: AgentKind::None,
            app: AppConfig::default(),
            task_cleanup_wait: Duration::from_secs(3600),
            gpus: berth_agent::GpuSource::Disabled,
            load_balancer: false,
        }
    }
}

/// A running server (and maybe an agent) with a client for it.
pub struct TestCluster {
    pub server: Server,
    pub client: aws_sdk_ecs::Client,
    pub options: Options,
    dir: tempfile::TempDir,
    cancel: CancellationToken,
    agent: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
    listen: std::net::SocketAddr,
}

impl TestCluster {
    /// A server with no agent.
    pub async fn start() -> Self {
        Self::with(Options::default()).await
    }

    /// A server with one Docker agent, registered before this returns.
    pub async fn with_docker_agent() -> Self {
        Self::with(Options {
            agent: AgentKind::Docker,
            ..Options::default()
        })
        .await
    }

    pub async fn with(options: Options) -> Self {
        init_logging();
        let dir = tempfile::tempdir().expect("creating a temporary directory");
        let listen: std::net::SocketAddr = "127.0.0.1:0".parse().expect("a socket address");
        let (server, cancel, agent) = boot(dir.path(), listen, &options).await;
        let listen = server.addr;
        let client = client_for(
            &server,
            &server.credentials.access_key_id,
            &server.credentials.secret_access_key,
        );
        let cluster = Self {
            server,
            client,
            options,
            dir,
            cancel,
            agent,
            listen,
        };
        if cluster.options.agent != AgentKind::None {
            cluster.wait_for_instances(1).await;
        }
        cluster
    }

    /// The data directory (the store and the agent's ledger live here).
    pub fn data_dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn endpoint(&self) -> String {
        format!("http://{}", self.server.addr)
    }

    /// A client with other credentials, for authentication tests.
    pub fn client_with(&self, access_key_id: &str, secret: &str) -> aws_sdk_ecs::Client {
        client_for(&self.server, access_key_id, secret)
    }

    /// The administrator's credentials (the key made when the store was initialised).
    pub fn admin_credentials(&self) -> aws_credential_types::Credentials {
        aws_credential_types::Credentials::new(
            &self.server.credentials.access_key_id,
            &self.server.credentials.secret_access_key,
            None,
            None,
            "berth-test",
        )
    }

    /// An SDK configuration for any `aws-sdk-*` client of this server, signed with
    /// `credentials` (an IAM user's key, or a session's temporary credentials).
    pub fn sdk_config(
        &self,
        credentials: aws_credential_types::Credentials,
    ) -> aws_config::SdkConfig {
        aws_config::SdkConfig::builder()
            .behavior_version(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new(
                self.server.app.config.scope.region.clone(),
            ))
            .credentials_provider(
                aws_credential_types::provider::SharedCredentialsProvider::new(credentials),
            )
            .endpoint_url(server_url(&self.server))
            .build()
    }

    /// Waits until `n` container instances are registered and connected.
    pub async fn wait_for_instances(&self, n: usize) -> Vec<String> {
        let client = self.client.clone();
        wait_for(
            "container instances to register",
            Duration::from_secs(60),
            || {
                let client = client.clone();
                async move {
                    // Both calls page at 100 instances, so walk the pages.
                    let mut arns = Vec::new();
                    let mut token = None;
                    loop {
                        let page = client
                            .list_container_instances()
                            .set_next_token(token)
                            .send()
                            .await
                            .ok()?;
                        arns.extend(page.container_instance_arns().iter().cloned());
                        token = page.next_token().map(str::to_owned);
                        if token.is_none() {
                            break;
                        }
                    }
                    if arns.len() < n {
                        return None;
                    }
                    for chunk in arns.chunks(100) {
                        let described = client
                            .describe_container_instances()
                            .set_container_instances(Some(chunk.to_vec()))
                            .send()
                            .await
                            .ok()?;
                        if !described
                            .container_instances()
                            .iter()
                            .all(|i| i.agent_connected())
                        {
                            return None;
                        }
                    }
                    Some(arns)
                }
            },
        )
        .await
    }

    /// Stops the server and agent (containers keep running), then starts both again on
    /// the same data directory and address.
    pub async fn restart(&mut self) {
        self.stop().await;
        self.release_store().await;
        let (server, cancel, agent) = boot(self.dir.path(), self.listen, &self.options).await;
        self.client = client_for(
            &server,
            &server.credentials.access_key_id,
            &server.credentials.secret_access_key,
        );
        self.server = server;
        self.cancel = cancel;
        self.agent = agent;
    }

    /// Stops the agent and the server, as on SIGTERM.
    pub async fn stop(&mut self) {
        self.cancel.cancel();
        if let Some(agent) = self.agent.take() {
            let _ = agent.await;
        }
        // Wait for the listener to close so the address can be bound again.
        let deadline = Instant::now() + Duration::from_secs(10);
        while tokio::net::TcpStream::connect(self.listen).await.is_ok() && Instant::now() < deadline
        {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Polls DescribeTasks until the task's lastStatus is `status`.
    pub async fn wait_for_task_status(
        &self,
        task_arn: &str,
        status: &str,
        timeout: Duration,
    ) -> aws_sdk_ecs::types::Task {
        let client = self.client.clone();
        wait_for(&format!("task {task_arn} to be {status}"), timeout, || {
            let client = client.clone();
            async move {
                let described = client.describe_tasks().tasks(task_arn).send().await.ok()?;
                let task = described.tasks().first()?.clone();
                (task.last_status() == Some(status)).then_some(task)
            }
        })
        .await
    }
}

impl Drop for TestCluster {
    fn drop(&mut self) {
        self.cancel.cancel();
    }
}

async fn boot(
    dir: &Path,
    listen: std::net::SocketAddr,
    options: &Options,
) -> (
    Server,
    CancellationToken,
    Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
) {
    let cancel = CancellationToken::new();
    let store: DynStore =
        Arc::new(SqliteStore::open(&dir.join("berth.db")).expect("opening the SQLite store"));
    let config = ServerConfig {
        app: options.app.clone(),
        load_balancer: options.load_balancer.then(|| berth_lb::Limits {
            // Tests restart servers: keep-alive clients must not hold a restart up.
            drain_grace: Duration::from_secs(1),
            ..berth_lb::Limits::default()
        }),
        ..ServerConfig::new(listen, dir.join("server"))
    };
    let server = Server::start(store, config, cancel.clone())
        .await
        .expect("starting the server");
    let agent = match options.agent {
        AgentKind::None => None,
        kind => {
            let token_path: PathBuf = dir.join("join-token");
            let token = match std::fs::read_to_string(&token_path) {
                Ok(token) => token,
                Err(_) => {
                    let token = server
                        .app
                        .create_join_token("default", true)
                        .await
                        .expect("creating a join token");
                    std::fs::write(&token_path, &token).expect("saving the join token");
                    token
                }
            };
            let runtime: Arc<dyn ContainerRuntime> = match kind {
                AgentKind::Docker => Arc::new(
                    berth_agent::DockerRuntime::connect()
                        .await
                        .expect("connecting to Docker"),
                ),
                _ => Arc::new(berth_agent::FakeRuntime::new(Default::default())),
            };
            let config = AgentConfig {
                join_token: Some(token),
                task_cleanup_wait: options.task_cleanup_wait,
                heartbeat_interval: Duration::from_secs(1),
                gpus: options.gpus.clone(),
                // Tests run many agents at once: each serves the task endpoint on a free
                // port of ECS's address (kept across `restart`), and only the tests in
                // the `task-endpoint-port-80` group use ECS's port 80.
                task_endpoint: (kind == AgentKind::Docker).then(task_endpoint_any_port),
                ..AgentConfig::new(server_url(&server), "default", dir.join("agent"))
            };
            let control = Arc::new(
                berth_agent::HttpControlPlane::new(&server_url(&server)).expect("an HTTP client"),
            );
            let agent_cancel = cancel.clone();
            Some(tokio::spawn(async move {
                berth_agent::run(config, runtime, control, agent_cancel).await
            }))
        }
    };
    (server, cancel, agent)
}

/// ECS's task endpoint address with a free port, for agents that run side by side.
pub fn task_endpoint_any_port() -> std::net::SocketAddr {
    let mut address = berth_agent::endpoint::DEFAULT_ADDRESS;
    address.set_port(0);
    address
}

fn server_url(server: &Server) -> String {
    format!("http://{}", server.addr)
}

fn client_for(server: &Server, access_key_id: &str, secret: &str) -> aws_sdk_ecs::Client {
    let credentials =
        aws_credential_types::Credentials::new(access_key_id, secret, None, None, "berth-test");
    let config = aws_sdk_ecs::Config::builder()
        .behavior_version(aws_sdk_ecs::config::BehaviorVersion::latest())
        .region(aws_sdk_ecs::config::Region::new(
            server.app.config.scope.region.clone(),
        ))
        .credentials_provider(credentials)
        .endpoint_url(server_url(server))
        .build();
    aws_sdk_ecs::Client::from_conf(config)
}

/// Runs `docker` with arguments and returns trimmed stdout, or panics with stderr.
pub fn docker(args: &[&str]) -> String {
    let output = std::process::Command::new("docker")
        .args(args)
        .output()
        .expect("running docker");
    assert!(
        output.status.success(),
        "docker {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// Removes the containers of the given task ARNs (test cleanup).
pub fn remove_task_containers(task_arns: &[String]) {
    for arn in task_arns {
        let ids = std::process::Command::new("docker")
            .args([
                "ps",
                "-aq",
                "--filter",
                &format!("label=com.berth.task-arn={arn}"),
            ])
            .output();
        if let Ok(out) = ids {
            for id in String::from_utf8_lossy(&out.stdout).split_whitespace() {
                let _ = std::process::Command::new("docker")
                    .args(["rm", "-f", id])
                    .output();
            }
        }
    }
}

/// The image stored only in the private test registry (pulling it needs credentials).
pub fn private_image() -> String {
    std::env::var("BERTH_PRIVATE_IMAGE")
        .unwrap_or_else(|_| "127.0.0.1:5000/berth/private-busybox:latest".to_owned())
}

/// The private test registry's user and password.
pub fn registry_credentials() -> (String, String) {
    let user = std::env::var("BERTH_REGISTRY_USER").unwrap_or_else(|_| "berth".to_owned());
    let password = std::env::var("BERTH_REGISTRY_PASSWORD")
        .unwrap_or_else(|_| "berth-registry-pass".to_owned());
    (user, password)
}

/// `docker inspect` of one container (or image) as JSON, or `None` if it does not exist.
pub fn docker_inspect(id: &str) -> Option<serde_json::Value> {
    let output = std::process::Command::new("docker")
        .args(["inspect", id])
        .output()
        .expect("running docker");
    if !output.status.success() {
        return None;
    }
    let mut all: Vec<serde_json::Value> =
        serde_json::from_slice(&output.stdout).expect("docker inspect prints JSON");
    (!all.is_empty()).then(|| all.swap_remove(0))
}

/// The IDs of every container (any state) carrying `label=value`.
pub fn docker_ps_label(label: &str, value: &str) -> Vec<String> {
    docker(&[
        "ps",
        "-aq",
        "--no-trunc",
        "--filter",
        &format!("label={label}={value}"),
    ])
    .split_whitespace()
    .map(str::to_owned)
    .collect()
}

/// Parses a Docker timestamp (RFC 3339, `Z` or `±HH:MM`, up to nanoseconds) into
/// nanoseconds since the Unix epoch. Panics on anything else.
pub fn docker_time_nanos(s: &str) -> i128 {
    fn parse(s: &str) -> Option<i128> {
        let num = |part: &str| part.parse::<i64>().ok();
        let (date, rest) = s.split_once('T')?;
        let mut ymd = date.splitn(3, '-');
        let (y, m, d) = (num(ymd.next()?)?, num(ymd.next()?)?, num(ymd.next()?)?);
        let (clock, offset_s) = match rest.strip_suffix('Z') {
            Some(clock) => (clock, 0),
            None => {
                let (clock, offset) = rest.split_at(rest.rfind(['+', '-'])?);
                let (hh, mm) = offset[1..].split_once(':')?;
                let sign = if offset.starts_with('-') { -1 } else { 1 };
                (clock, sign * (num(hh)? * 3600 + num(mm)? * 60))
            }
        };
        let (hms, fraction) = clock.split_once('.').unwrap_or((clock, ""));
        let mut parts = hms.splitn(3, ':');
        let (h, min, sec) = (
            num(parts.next()?)?,
            num(parts.next()?)?,
            num(parts.next()?)?,
        );
        let nanos = if fraction.is_empty() {
            0
        } else {
            num(format!("{fraction:0<9}").get(..9)?)?
        };
        // Days from the civil date (Howard Hinnant's algorithm).
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        let secs = days * 86_400 + h * 3600 + min * 60 + sec - offset_s;
        Some(i128::from(secs) * 1_000_000_000 + i128::from(nanos))
    }
    parse(s).unwrap_or_else(|| panic!("not an RFC 3339 timestamp: {s:?}"))
}

/// Removes every Docker object of `kind` (`container`, `volume`, `network`) labelled with
/// one of the container instance ARNs: what the agent made for those instances' tasks.
fn remove_labelled(kind: &str, instance_arns: &[String]) {
    for arn in instance_arns {
        let filter = format!("label={}={arn}", berth_api::protocol::labels::INSTANCE_ARN);
        // Containers in any state; volumes and networks have no states to list.
        let (list, remove): (&[&str], &[&str]) = match kind {
            "container" => (&["ls", "-aq"], &["rm", "-f"]),
            "volume" => (&["ls", "-q"], &["rm", "-f"]),
            _ => (&["ls", "-q"], &["rm"]),
        };
        let listed = std::process::Command::new("docker")
            .arg(kind)
            .args(list)
            .args(["--filter", &filter])
            .output();
        let Ok(out) = listed else { continue };
        for id in String::from_utf8_lossy(&out.stdout).split_whitespace() {
            let _ = std::process::Command::new("docker")
                .arg(kind)
                .args(remove)
                .arg(id)
                .output();
        }
    }
}

/// Removes every container (any state) labelled with one of the container instance ARNs.
pub fn remove_instance_containers(instance_arns: &[String]) {
    remove_labelled("container", instance_arns);
}

/// Removes the task cgroups (`/sys/fs/cgroup/*/berth/<task id>`) the agent made for the
/// given task ARNs and left behind when a test stopped it early. Only empty ones go.
pub fn remove_task_cgroups(task_arns: &[String]) {
    let Ok(entries) = std::fs::read_dir("/sys/fs/cgroup") else {
        return;
    };
    let hierarchies: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    for arn in task_arns {
        let id = arn.rsplit('/').next().unwrap_or(arn);
        for hierarchy in &hierarchies {
            let _ = std::fs::remove_dir(hierarchy.join("berth").join(id));
        }
    }
}

/// Removes every Docker volume labelled with one of the container instance ARNs (the
/// volumes the agent made for tasks).
pub fn remove_instance_volumes(instance_arns: &[String]) {
    remove_labelled("volume", instance_arns);
}

/// Removes every Docker network labelled with one of the container instance ARNs (the
/// networks of the awsvpc slices the agent made), once their containers are gone.
pub fn remove_instance_networks(instance_arns: &[String]) {
    remove_labelled("network", instance_arns);
}

/// Removes, when dropped (also when a test panics), the containers of every task it
/// was told about and of every container instance it watches, and the volumes and
/// networks the agent made for those instances' tasks.
#[derive(Debug, Default)]
pub struct DockerCleanup {
    task_arns: std::sync::Mutex<Vec<String>>,
    instance_arns: Vec<String>,
}

impl DockerCleanup {
    /// A guard for the containers of these container instances.
    pub fn new(instance_arns: Vec<String>) -> Self {
        Self {
            task_arns: std::sync::Mutex::default(),
            instance_arns,
        }
    }

    /// Also removes this task's containers on drop; returns the ARN for chaining.
    pub fn track(&self, task_arn: &str) -> String {
        self.task_arns
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(task_arn.to_owned());
        task_arn.to_owned()
    }
}

impl Drop for DockerCleanup {
    fn drop(&mut self) {
        let tasks = std::mem::take(&mut *self.task_arns.lock().unwrap_or_else(|e| e.into_inner()));
        remove_task_containers(&tasks);
        remove_instance_containers(&self.instance_arns);
        remove_instance_volumes(&self.instance_arns);
        remove_instance_networks(&self.instance_arns);
        remove_task_cgroups(&tasks);
    }
}

/// Small builders for ECS requests that Docker tests share: container definitions on the
/// test image, registering a family, running one task and reading it back.
pub mod fixtures {
    use aws_sdk_ecs::types::{ContainerDefinition, Task};

    /// A container on [`super::test_image`] running `sh -c SCRIPT`, with `memory` MiB and
    /// a 2 s `stopTimeout`. Essential unless changed.
    pub fn shell_container(
        name: &str,
        memory: i32,
        script: &str,
    ) -> aws_sdk_ecs::types::builders::ContainerDefinitionBuilder {
        ContainerDefinition::builder()
            .name(name)
            .image(super::test_image())
            .memory(memory)
            .stop_timeout(2)
            .command("sh")
            .command("-c")
            .command(script)
    }

    /// Registers `family` with these containers and returns the task definition ARN.
    pub async fn register(
        client: &aws_sdk_ecs::Client,
        family: &str,
        containers: Vec<ContainerDefinition>,
    ) -> String {
        let out = client
            .register_task_definition()
            .family(family)
            .set_container_definitions(Some(containers))
            .send()
            .await
            .unwrap_or_else(|e| panic!("registering {family}: {e:?}"));
        out.task_definition()
            .and_then(|d| d.task_definition_arn())
            .expect("a task definition ARN")
            .to_owned()
    }

    /// StartTask of `task_definition` on one container instance, panicking on failures;
    /// returns the task's ARN.
    pub async fn start_on(
        client: &aws_sdk_ecs::Client,
        task_definition: &str,
        container_instance_arn: &str,
    ) -> String {
        let out = client
            .start_task()
            .task_definition(task_definition)
            .container_instances(container_instance_arn)
            .send()
            .await
            .unwrap_or_else(|e| panic!("starting {task_definition}: {e:?}"));
        assert!(out.failures().is_empty(), "failures: {:?}", out.failures());
        out.tasks()[0].task_arn().expect("a task ARN").to_owned()
    }

    /// Runs one task of `task_definition`, panicking on failures, and returns it.
    pub async fn run_one(client: &aws_sdk_ecs::Client, task_definition: &str) -> Task {
        let out = client
            .run_task()
            .task_definition(task_definition)
            .send()
            .await
            .unwrap_or_else(|e| panic!("running {task_definition}: {e:?}"));
        assert!(
            out.failures().is_empty(),
            "RunTask failures: {:?}",
            out.failures()
        );
        assert_eq!(out.tasks().len(), 1, "RunTask returned {:?}", out.tasks());
        out.tasks()[0].clone()
    }

    /// A /16 of 10.128.0.0/9 that no route of this host overlaps, for a test's own subnet
    /// (each test process starts its search at a different place, so concurrent tests
    /// rarely meet).
    pub fn free_cidr() -> String {
        let routes = std::process::Command::new("ip")
            .args(["-4", "route"])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
        let seed = std::process::id() as usize;
        (0..120)
            .map(|i| 128 + (seed + i * 7) % 120)
            .map(|octet| format!("10.{octet}."))
            .find(|prefix| !routes.contains(prefix.as_str()))
            .map(|prefix| format!("{prefix}0.0/16"))
            .expect("a free /16 in 10.128.0.0/9")
    }

    /// An awsvpc network configuration on `subnet` with these security groups.
    pub fn awsvpc(subnet: &str, groups: &[&str]) -> aws_sdk_ecs::types::NetworkConfiguration {
        use aws_sdk_ecs::types::{AwsVpcConfiguration, NetworkConfiguration};
        NetworkConfiguration::builder()
            .awsvpc_configuration(
                AwsVpcConfiguration::builder()
                    .subnets(subnet)
                    .set_security_groups(Some(groups.iter().map(|g| g.to_string()).collect()))
                    .build()
                    .expect("awsvpc configuration"),
            )
            .build()
    }

    /// DescribeTasks of one task.
    pub async fn describe(client: &aws_sdk_ecs::Client, task_arn: &str) -> Task {
        let out = client
            .describe_tasks()
            .tasks(task_arn)
            .send()
            .await
            .unwrap_or_else(|e| panic!("describing {task_arn}: {e:?}"));
        assert!(
            out.failures().is_empty(),
            "DescribeTasks failures: {:?}",
            out.failures()
        );
        out.tasks().first().cloned().expect("one task")
    }

    /// DescribeContainerInstances of one instance.
    pub async fn describe_instance(
        client: &aws_sdk_ecs::Client,
        instance_arn: &str,
    ) -> aws_sdk_ecs::types::ContainerInstance {
        let out = client
            .describe_container_instances()
            .container_instances(instance_arn)
            .send()
            .await
            .unwrap_or_else(|e| panic!("describing {instance_arn}: {e:?}"));
        out.container_instances()
            .first()
            .cloned()
            .unwrap_or_else(|| panic!("no instance {instance_arn}: {:?}", out.failures()))
    }

    /// The runtime ID of the task's container called `name`.
    pub fn runtime_id(task: &Task, name: &str) -> String {
        task.containers()
            .iter()
            .find(|c| c.name() == Some(name))
            .and_then(|c| c.runtime_id())
            .unwrap_or_else(|| panic!("container {name} has no runtimeId in {task:?}"))
            .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::docker_time_nanos;

    #[test]
    fn docker_times_parse() {
        assert_eq!(docker_time_nanos("1970-01-01T00:00:01.5Z"), 1_500_000_000);
        assert_eq!(
            docker_time_nanos("2024-02-29T23:00:00Z"),
            1_709_247_600 * 1_000_000_000
        );
        assert_eq!(
            docker_time_nanos("2024-03-01T00:00:00.000000001+01:00"),
            1_709_247_600 * 1_000_000_000 + 1
        );
        assert!(
            docker_time_nanos("2024-01-01T00:00:01Z")
                > docker_time_nanos("2024-01-01T00:00:00.999999999Z")
        );
    }
}

/// A [`berth_agent::ControlPlane`] over HTTP that a test can cut off from the server, as a
/// network partition would: while cut, every call fails with a transport error, so the
/// agent retries as against an unreachable server. A call in flight when the link is cut
/// fails for the agent but stays open towards the server (it runs on, detached), as a
/// half-open connection would: a long poll the server holds must not keep a lost agent
/// alive.
#[derive(Debug)]
pub struct PartitionableControlPlane {
    inner: berth_agent::HttpControlPlane,
    cut: tokio::sync::watch::Sender<bool>,
}

impl PartitionableControlPlane {
    pub fn new(server_url: &str) -> Self {
        Self {
            inner: berth_agent::HttpControlPlane::new(server_url).expect("an HTTP client"),
            cut: tokio::sync::watch::channel(false).0,
        }
    }

    /// Cuts (`true`) or heals (`false`) the link to the server.
    pub fn set_partitioned(&self, cut: bool) {
        self.cut.send_replace(cut);
    }

    /// Runs `call` unless or until the link is cut.
    async fn guarded<T: Send + 'static>(
        &self,
        call: impl Future<Output = Result<T, berth_agent::ClientError>> + Send + 'static,
    ) -> Result<T, berth_agent::ClientError> {
        use berth_agent::ClientError;
        let mut cut = self.cut.subscribe();
        let partitioned = || ClientError::Transport("network partition (test)".into());
        if *cut.borrow_and_update() {
            return Err(partitioned());
        }
        // Dropping the handle on a cut detaches the call instead of aborting it.
        let call = tokio::spawn(call);
        tokio::select! {
            result = call => result.unwrap_or_else(|e| Err(ClientError::Transport(e.to_string()))),
            _ = cut.wait_for(|cut| *cut) => Err(partitioned()),
        }
    }
}

#[async_trait::async_trait]
impl berth_agent::ControlPlane for PartitionableControlPlane {
    async fn register(
        &self,
        join_token: &str,
        req: &berth_api::protocol::RegisterRequest,
    ) -> Result<berth_api::protocol::RegisterResponse, berth_agent::ClientError> {
        let (inner, token, req) = (self.inner.clone(), join_token.to_owned(), req.clone());
        self.guarded(async move { inner.register(&token, &req).await })
            .await
    }

    async fn desired(
        &self,
        credential: &str,
        after: u64,
        wait: Duration,
    ) -> Result<berth_api::protocol::DesiredState, berth_agent::ClientError> {
        let (inner, credential) = (self.inner.clone(), credential.to_owned());
        self.guarded(async move { inner.desired(&credential, after, wait).await })
            .await
    }

    async fn report(
        &self,
        credential: &str,
        req: &berth_api::protocol::ReportRequest,
    ) -> Result<berth_api::protocol::ReportResponse, berth_agent::ClientError> {
        let (inner, credential, req) = (self.inner.clone(), credential.to_owned(), req.clone());
        self.guarded(async move { inner.report(&credential, &req).await })
            .await
    }

    async fn task_credentials(
        &self,
        credential: &str,
        task_arn: &str,
    ) -> Result<berth_api::protocol::TaskCredentials, berth_agent::ClientError> {
        let (inner, credential, task) = (
            self.inner.clone(),
            credential.to_owned(),
            task_arn.to_owned(),
        );
        self.guarded(async move { inner.task_credentials(&credential, &task).await })
            .await
    }

    async fn task_tags(
        &self,
        credential: &str,
        task_arn: &str,
    ) -> Result<berth_api::protocol::TaskTags, berth_agent::ClientError> {
        let (inner, credential, task) = (
            self.inner.clone(),
            credential.to_owned(),
            task_arn.to_owned(),
        );
        self.guarded(async move { inner.task_tags(&credential, &task).await })
            .await
    }

    async fn open_log_stream(
        &self,
        credential: &str,
        req: &berth_api::protocol::LogStreamRequest,
    ) -> Result<berth_api::protocol::LogStreamTarget, berth_agent::ClientError> {
        let (inner, credential, req) = (self.inner.clone(), credential.to_owned(), req.clone());
        self.guarded(async move { inner.open_log_stream(&credential, &req).await })
            .await
    }

    async fn put_logs(
        &self,
        credential: &str,
        batch: &berth_api::protocol::LogBatch,
    ) -> Result<berth_api::protocol::LogBatchResponse, berth_agent::ClientError> {
        let (inner, credential, batch) = (self.inner.clone(), credential.to_owned(), batch.clone());
        self.guarded(async move { inner.put_logs(&credential, &batch).await })
            .await
    }
}

/// An agent a test started beside the cluster's own, which it can stop, partition and
/// start again on its own. It outlives server restarts (it has its own cancellation), and
/// stops when dropped; its containers keep running, as with a real agent.
pub struct TestAgent {
    pub runtime: Arc<dyn ContainerRuntime>,
    pub data_dir: PathBuf,
    pub control: Arc<PartitionableControlPlane>,
    cancel: CancellationToken,
    handle: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
}

impl TestAgent {
    /// The instance ARN, once the agent has registered (read from its ledger).
    pub async fn instance_arn(&self) -> String {
        let ledger = berth_agent::Ledger::open(&self.data_dir).expect("opening the agent ledger");
        wait_for(
            "the test agent to register",
            Duration::from_secs(30),
            || {
                let identity = ledger.load_identity().ok().flatten();
                async move { identity.map(|i| i.container_instance_arn) }
            },
        )
        .await
    }

    /// Stops the agent as a crash would, leaving its containers as they are.
    pub async fn stop(&mut self) {
        self.cancel.cancel();
        if let Some(handle) = self.handle.take() {
            let _ = handle.await;
        }
    }
}

impl Drop for TestAgent {
    fn drop(&mut self) {
        self.cancel.cancel();
    }
}

impl TestCluster {
    /// Starts an agent over `runtime` keeping its ledger in `data_dir`, registering into
    /// `default` with a fresh reusable join token (or reusing the identity in `data_dir`).
    /// It heartbeats every second and retries the server at most a second apart, and
    /// registers no GPUs.
    pub async fn start_agent(
        &self,
        runtime: Arc<dyn ContainerRuntime>,
        data_dir: &Path,
    ) -> TestAgent {
        self.start_agent_with_gpus(runtime, data_dir, berth_agent::GpuSource::Disabled)
            .await
    }

    /// [`TestCluster::start_agent`], with the host's GPUs learnt from `gpus`.
    pub async fn start_agent_with_gpus(
        &self,
        runtime: Arc<dyn ContainerRuntime>,
        data_dir: &Path,
        gpus: berth_agent::GpuSource,
    ) -> TestAgent {
        self.start_agent_in(
            runtime,
            data_dir,
            gpus,
            "default",
            berth_agent::LaunchType::Ec2,
        )
        .await
    }

    /// [`TestCluster::start_agent`], registering a host of the Fargate pool (as `berth
    /// agent --capacity fargate`), which no cluster lists.
    pub async fn start_fargate_agent(
        &self,
        runtime: Arc<dyn ContainerRuntime>,
        data_dir: &Path,
    ) -> TestAgent {
        self.start_agent_in(
            runtime,
            data_dir,
            berth_agent::GpuSource::Disabled,
            berth_api::protocol::FARGATE_POOL_CLUSTER,
            berth_agent::LaunchType::Fargate,
        )
        .await
    }

    async fn start_agent_in(
        &self,
        runtime: Arc<dyn ContainerRuntime>,
        data_dir: &Path,
        gpus: berth_agent::GpuSource,
        cluster: &str,
        launch_type: berth_agent::LaunchType,
    ) -> TestAgent {
        let token = self
            .server
            .app
            .create_join_token(cluster, true)
            .await
            .expect("creating a join token");
        let url = self.endpoint();
        let config = AgentConfig {
            join_token: Some(token),
            task_cleanup_wait: self.options.task_cleanup_wait,
            heartbeat_interval: Duration::from_secs(1),
            max_backoff: Duration::from_secs(1),
            gpus,
            launch_type,
            ..AgentConfig::new(url.clone(), cluster, data_dir)
        };
        let control = Arc::new(PartitionableControlPlane::new(&url));
        let cancel = CancellationToken::new();
        let handle = tokio::spawn(berth_agent::run(
            config,
            runtime.clone(),
            control.clone(),
            cancel.clone(),
        ));
        TestAgent {
            runtime,
            data_dir: data_dir.to_path_buf(),
            control,
            cancel,
            handle: Some(handle),
        }
    }

    /// Stops the server (and the cluster's own agent), keeps it down for `outage`, then
    /// starts it again on the same data directory and address, as an operator restarting
    /// `berth server` would. Agents started with [`TestCluster::start_agent`] keep running.
    pub async fn restart_after(&mut self, outage: Duration) {
        self.stop().await;
        self.release_store().await;
        tokio::time::sleep(outage).await;
        let (server, cancel, agent) = boot(self.dir.path(), self.listen, &self.options).await;
        self.client = client_for(
            &server,
            &server.credentials.access_key_id,
            &server.credentials.secret_access_key,
        );
        self.server = server;
        self.cancel = cancel;
        self.agent = agent;
    }
}

impl TestCluster {
    /// Drops the stopped server, so that its SQLite store (which holds the file's lock)
    /// closes and a new server can open it. A stand-in server over an empty in-memory
    /// store, already cancelled, takes its place until the next boot.
    async fn release_store(&mut self) {
        let cancelled = CancellationToken::new();
        cancelled.cancel();
        let stand_in = Server::start(
            Arc::new(berth_store::MemoryStore::new()),
            ServerConfig {
                app: self.options.app.clone(),
                ..ServerConfig::new(
                    "127.0.0.1:0".parse().expect("a socket address"),
                    self.dir.path().join("stand-in"),
                )
            },
            cancelled,
        )
        .await
        .expect("starting a stand-in server");
        let stopped = std::mem::replace(&mut self.server, stand_in);
        stopped.join().await;
    }
}
