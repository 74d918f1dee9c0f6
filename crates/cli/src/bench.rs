//! `berth bench`: benchmarks that measure berth against a baseline in the same run.
//!
//! `berth bench run-task` interleaves RunTask→RUNNING samples (through the real ECS API
//! and a Docker agent) of a plain task and of a full one (two secrets — an SSM
//! SecureString and a Secrets Manager JSON key, read with its execution role —, a task
//! volume and awslogs), with bare `docker run -d` samples of the same image, and prints
//! p50/p99 of each, berth's ratio to Docker and what the full task adds. `berth bench
//! services` and `berth bench service-scale` live in `bench_services.rs`, `berth bench
//! logs` in `bench_logs.rs`, `berth bench authz` in `bench_authz.rs`, `berth bench lb` in
//! `bench_lb.rs`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use aws_sdk_ecs::types::{ContainerDefinition, DesiredStatus};
use berth_agent::{AgentConfig, ContainerRuntime};
use berth_server::{Server, ServerConfig};
use berth_store::{DynStore, SqliteStore};
use clap::Subcommand;
use tokio_util::sync::CancellationToken;

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// End to end at scale: a real server on SQLite, `berth sim` agents in a child
    /// process, and concurrent RunTask callers through aws-sdk-ecs.
    Cluster {
        #[arg(long, default_value_t = 1000)]
        agents: usize,
        #[arg(long, default_value_t = 20_000)]
        tasks: usize,
        /// RunTask calls in flight at once (each places 10 tasks).
        #[arg(long, default_value_t = 16)]
        callers: usize,
    },
    /// ECS services against Docker Swarm mode on the same dockerd: a new service until
    /// all replicas run, a rolling update, and the replacement of a killed container.
    Services {
        /// Replicas of the new service.
        #[arg(long, default_value_t = 100)]
        replicas: usize,
        /// Replicas of the service that is updated and has a container killed.
        #[arg(long, default_value_t = 20)]
        update_replicas: usize,
        /// Repetitions of each measurement (medians are printed).
        #[arg(long, default_value_t = 3)]
        repetitions: usize,
        /// A local image (never pulled).
        #[arg(long, default_value = "berth-test/busybox:latest")]
        image: String,
    },
    /// The service scheduler at scale: one service scaled from 0 to `--tasks` replicas on
    /// `berth sim` agents in a child process.
    ServiceScale {
        #[arg(long, default_value_t = 1000)]
        agents: usize,
        #[arg(long, default_value_t = 20_000)]
        tasks: usize,
    },
    /// awslogs: lines/s from a container to FilterLogEvents against `docker logs`, the
    /// write-to-visible delay, and what awslogs adds to RunTask→RUNNING.
    Logs {
        /// Lines the ingestion container writes.
        #[arg(long, default_value_t = 500_000)]
        lines: usize,
        /// RunTask samples of each kind.
        #[arg(long, default_value_t = 20)]
        samples: usize,
        /// A local image (never pulled).
        #[arg(long, default_value = "berth-test/busybox:latest")]
        image: String,
    },
    /// ECS Exec: `berth exec` start to the first byte of output, against `docker exec`.
    Exec {
        /// Samples of each kind.
        #[arg(long, default_value_t = 50)]
        samples: usize,
        /// A local image (never pulled).
        #[arg(long, default_value = "berth-test/busybox:latest")]
        image: String,
    },
    /// Authorization: authorizations per second through `App::authorize` for an IAM user
    /// with a 20-statement policy, and ECS API latency (DescribeClusters through the SDK)
    /// for the administrator (not evaluated) against that user, in the same run.
    Authz {
        /// How long each authorization rate is measured.
        #[arg(long, default_value_t = 2)]
        seconds: u64,
        /// DescribeClusters calls of each caller.
        #[arg(long, default_value_t = 2000)]
        samples: usize,
    },
    /// berth's load balancer against haproxy and nginx (same backends, same wrk load).
    Lb(crate::bench_lb::LbBench),
    /// RunTask→RUNNING latency (a bridge task, one with secrets, an awsvpc task, a FARGATE
    /// task on the pool, which is this host through a second agent) against
    /// `docker run -d` (which gives the container its own network namespace on docker0).
    RunTask {
        /// Samples of each kind.
        #[arg(long, default_value_t = 50)]
        samples: usize,
        /// A local image (never pulled).
        #[arg(long, default_value = "berth-test/busybox:latest")]
        image: String,
    },
}

pub async fn run(command: BenchCommand) -> anyhow::Result<()> {
    match command {
        BenchCommand::RunTask { samples, image } => run_task(samples, &image).await,
        BenchCommand::Authz { seconds, samples } => {
            crate::bench_authz::authz(Duration::from_secs(seconds), samples).await
        }
        BenchCommand::Logs {
            lines,
            samples,
            image,
        } => crate::bench_logs::logs(lines, samples, &image).await,
        BenchCommand::Exec { samples, image } => crate::bench_exec::exec(samples, &image).await,
        BenchCommand::Cluster {
            agents,
            tasks,
            callers,
        } => cluster(agents, tasks, callers).await,
        BenchCommand::Services {
            replicas,
            update_replicas,
            repetitions,
            image,
        } => {
            crate::bench_services::services(crate::bench_services::ServicesBench {
                replicas,
                update_replicas,
                repetitions,
                image,
            })
            .await
        }
        BenchCommand::Lb(options) => crate::bench_lb::lb(options).await,
        BenchCommand::ServiceScale { agents, tasks } => {
            crate::bench_services::service_scale(agents, tasks).await
        }
    }
}

pub(crate) fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * (sorted.len() as f64 - 1.0)).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

pub(crate) async fn docker(args: &[&str]) -> anyhow::Result<String> {
    let output = tokio::process::Command::new("docker")
        .args(args)
        .output()
        .await?;
    if !output.status.success() {
        bail!(
            "docker {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// A server on a SQLite file in `dir`, on an ephemeral loopback port, with a reusable
/// join token for the `default` cluster.
pub(crate) async fn start_bench_server(
    dir: &std::path::Path,
    cancel: &CancellationToken,
) -> anyhow::Result<(Server, String)> {
    let store: DynStore = Arc::new(SqliteStore::open(&dir.join("berth.db"))?);
    let config = ServerConfig::new("127.0.0.1:0".parse()?, dir.join("server"));
    let server = Server::start(store, config, cancel.clone()).await?;
    let token = server
        .app
        .create_join_token("default", true)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok((server, token))
}

/// A server and a Docker agent in this process, for the benchmarks that run containers.
pub(crate) struct DockerBench {
    pub server: Server,
    pub client: aws_sdk_ecs::Client,
    /// The agent's container instance: its containers are removed at the end.
    instance_arn: String,
    cancel: CancellationToken,
    agent: tokio::task::JoinHandle<anyhow::Result<()>>,
    /// A second agent over the same Docker in the Fargate pool, once
    /// [`DockerBench::join_fargate_pool`] started it, and its instance ARN.
    pool: Option<(tokio::task::JoinHandle<anyhow::Result<()>>, String)>,
    dir: tempfile::TempDir,
}

impl DockerBench {
    /// Starts both and waits until the agent is registered.
    pub(crate) async fn start() -> anyhow::Result<Self> {
        let dir = tempfile::tempdir()?;
        let cancel = CancellationToken::new();
        let (server, token) = start_bench_server(dir.path(), &cancel).await?;
        let runtime: Arc<dyn ContainerRuntime> =
            Arc::new(berth_agent::DockerRuntime::connect().await?);
        let server_url = format!("http://{}", server.addr);
        let agent_config = AgentConfig {
            join_token: Some(token),
            ..AgentConfig::new(server_url.clone(), "default", dir.path().join("agent"))
        };
        let control = Arc::new(berth_agent::HttpControlPlane::new(&server_url)?);
        let agent_cancel = cancel.clone();
        let agent = tokio::spawn(async move {
            berth_agent::run(agent_config, runtime, control, agent_cancel).await
        });
        let client = sdk_client(&server);
        let deadline = Instant::now() + Duration::from_secs(30);
        let instance_arn = loop {
            let instances = client.list_container_instances().send().await?;
            if let Some(arn) = instances.container_instance_arns().first() {
                break arn.clone();
            }
            if Instant::now() > deadline {
                bail!("the agent did not register within 30 s");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        Ok(Self {
            server,
            client,
            instance_arn,
            cancel,
            agent,
            pool: None,
            dir,
        })
    }

    /// Makes this host a host of the Fargate pool too (as `berth dev` does), through a
    /// second agent over the same Docker, and waits until it is registered.
    pub(crate) async fn join_fargate_pool(&mut self) -> anyhow::Result<()> {
        let pool_cluster = berth_api::protocol::FARGATE_POOL_CLUSTER;
        let token = self
            .server
            .app
            .create_join_token(pool_cluster, true)
            .await
            .map_err(|e| anyhow::anyhow!("creating the pool's join token: {e}"))?;
        let server_url = format!("http://{}", self.server.addr);
        let data_dir = self.dir.path().join("agent-fargate");
        let config = AgentConfig {
            join_token: Some(token),
            launch_type: berth_agent::LaunchType::Fargate,
            ..AgentConfig::new(server_url.clone(), pool_cluster, &data_dir)
        };
        let runtime: Arc<dyn ContainerRuntime> =
            Arc::new(berth_agent::DockerRuntime::connect().await?);
        let control = Arc::new(berth_agent::HttpControlPlane::new(&server_url)?);
        let cancel = self.cancel.clone();
        let handle =
            tokio::spawn(async move { berth_agent::run(config, runtime, control, cancel).await });
        let ledger = berth_agent::Ledger::open(&data_dir)?;
        let deadline = Instant::now() + Duration::from_secs(30);
        let arn = loop {
            if let Some(identity) = ledger.load_identity().ok().flatten() {
                break identity.container_instance_arn;
            }
            if Instant::now() > deadline {
                bail!("the Fargate pool agent did not register within 30 s");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        self.pool = Some((handle, arn));
        Ok(())
    }

    /// RunTask of `family`, then DescribeTasks until RUNNING: the task and how long it took.
    pub(crate) async fn run_until_running(
        &self,
        family: &str,
        network: Option<aws_sdk_ecs::types::NetworkConfiguration>,
    ) -> anyhow::Result<(String, Duration)> {
        self.run_as_until_running(family, network, None).await
    }

    /// [`DockerBench::run_until_running`] with a launch type (FARGATE for the pool).
    pub(crate) async fn run_as_until_running(
        &self,
        family: &str,
        network: Option<aws_sdk_ecs::types::NetworkConfiguration>,
        launch_type: Option<aws_sdk_ecs::types::LaunchType>,
    ) -> anyhow::Result<(String, Duration)> {
        let started = Instant::now();
        let response = self
            .client
            .run_task()
            .task_definition(family)
            .set_network_configuration(network)
            .set_launch_type(launch_type)
            .send()
            .await?;
        let Some(task_arn) = response
            .tasks()
            .first()
            .and_then(|t| t.task_arn())
            .map(str::to_owned)
        else {
            bail!("RunTask placed nothing: {:?}", response.failures());
        };
        loop {
            let described = self.client.describe_tasks().tasks(&task_arn).send().await?;
            let status = described
                .tasks()
                .first()
                .and_then(|t| t.last_status())
                .unwrap_or("");
            if status == "RUNNING" {
                return Ok((task_arn, started.elapsed()));
            }
            if status == "STOPPED" {
                bail!(
                    "benchmark task stopped: {:?}",
                    described.tasks().first().and_then(|t| t.stopped_reason())
                );
            }
            if started.elapsed() > Duration::from_secs(60) {
                bail!("task {task_arn} did not reach RUNNING within 60 s");
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
    }

    /// Waits (at most a minute) until every task asked to stop is STOPPED, then stops the
    /// agent and the server.
    pub(crate) async fn stop(self) -> anyhow::Result<()> {
        let client = &self.client;
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let running = client
                .list_tasks()
                .desired_status(DesiredStatus::Stopped)
                .send()
                .await?;
            let arns: Vec<String> = running.task_arns().to_vec();
            let mut all_stopped = true;
            for chunk in arns.chunks(100) {
                let described = client
                    .describe_tasks()
                    .set_tasks(Some(chunk.to_vec()))
                    .send()
                    .await?;
                all_stopped &= described
                    .tasks()
                    .iter()
                    .all(|t| t.last_status() == Some("STOPPED"));
            }
            if all_stopped || Instant::now() > deadline {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        self.cancel.cancel();
        let _ = self.agent.await;
        let mut instances = vec![self.instance_arn.clone()];
        if let Some((pool, arn)) = self.pool {
            let _ = pool.await;
            instances.push(arn);
        }
        self.server.join().await;
        for instance_arn in instances {
            // The stopped tasks' containers would otherwise stay until a cleanup that
            // never comes: this agent is gone.
            let label = format!(
                "label={}={}",
                berth_api::protocol::labels::INSTANCE_ARN,
                instance_arn
            );
            let ids = docker(&["ps", "-aq", "--filter", &label]).await?;
            let ids: Vec<&str> = ids.split_whitespace().collect();
            if !ids.is_empty() {
                let mut args = vec!["rm", "-f", "-v"];
                args.extend(ids);
                docker(&args).await?;
            }
            // So would the Docker networks of its awsvpc slices.
            let networks = docker(&["network", "ls", "-q", "--filter", &label]).await?;
            for network in networks.split_whitespace() {
                docker(&["network", "rm", network]).await?;
            }
        }
        Ok(())
    }
}

async fn run_task(samples: usize, image: &str) -> anyhow::Result<()> {
    use aws_sdk_ecs::types::{
        DockerVolumeConfiguration, LogConfiguration, LogDriver, MountPoint, Scope, Volume,
    };
    let mut bench = DockerBench::start().await?;
    bench.join_fargate_pool().await?;
    let client = bench.client.clone();
    let container = ContainerDefinition::builder()
        .name("main")
        .image(image)
        .memory(16)
        .command("sleep")
        .command("3600");
    let plain = container.clone();
    client
        .register_task_definition()
        .family("bench")
        .container_definitions(container.clone().build())
        .send()
        .await
        .context("registering the benchmark task definition")?;
    let role = bench_secrets(&bench.server).await?;
    client
        .register_task_definition()
        .family("bench-full")
        .execution_role_arn(role)
        .volumes(
            Volume::builder()
                .name("scratch")
                .docker_volume_configuration(
                    DockerVolumeConfiguration::builder()
                        .scope(Scope::Task)
                        .build(),
                )
                .build(),
        )
        .container_definitions(
            container
                .secrets(secret("DB_PASSWORD", "/bench/db-password")?)
                .secrets(secret(
                    "API_TOKEN",
                    "arn:aws:secretsmanager:us-east-1:000000000000:secret:bench/api:token::",
                )?)
                .mount_points(
                    MountPoint::builder()
                        .source_volume("scratch")
                        .container_path("/scratch")
                        .build(),
                )
                .log_configuration(
                    LogConfiguration::builder()
                        .log_driver(LogDriver::Awslogs)
                        .options("awslogs-group", "/bench/run-task")
                        .options("awslogs-region", "us-east-1")
                        .options("awslogs-stream-prefix", "bench")
                        .options("awslogs-create-group", "true")
                        .build()?,
                )
                .build(),
        )
        .send()
        .await
        .context("registering the full benchmark task definition")?;

    // awsvpc: its own subnet over a /16 no route of this host uses.
    let subnet = bench
        .server
        .app
        .create_subnet(&free_cidr().await?, "bench", 24)
        .await
        .map_err(|e| anyhow::anyhow!("creating the benchmark subnet: {e}"))?;
    client
        .register_task_definition()
        .family("bench-awsvpc")
        .network_mode(aws_sdk_ecs::types::NetworkMode::Awsvpc)
        .container_definitions(plain.clone().build())
        .send()
        .await
        .context("registering the awsvpc benchmark task definition")?;
    // FARGATE: the same container, sized as Fargate's smallest task (a task cgroup of
    // 256 CPU units and 512 MiB), placed on the pool. `sleep` as PID 1 ignores SIGTERM: a
    // short stopTimeout frees each stopped task's reservation quickly, since this host
    // holds only a few tasks of 256 CPU units at once.
    client
        .register_task_definition()
        .family("bench-fargate")
        .requires_compatibilities(aws_sdk_ecs::types::Compatibility::Fargate)
        .network_mode(aws_sdk_ecs::types::NetworkMode::Awsvpc)
        .cpu("256")
        .memory("512")
        .container_definitions(plain.clone().stop_timeout(2).build())
        .send()
        .await
        .context("registering the FARGATE benchmark task definition")?;
    let awsvpc = Some(
        aws_sdk_ecs::types::NetworkConfiguration::builder()
            .awsvpc_configuration(
                aws_sdk_ecs::types::AwsVpcConfiguration::builder()
                    .subnets(subnet.id.clone())
                    .build()?,
            )
            .build(),
    );
    // The first awsvpc task creates the slice's network: not a sample.
    let (first_task, _) = bench
        .run_until_running("bench-awsvpc", awsvpc.clone())
        .await?;
    client.stop_task().task(&first_task).send().await?;
    // The same for the pool host's slice.
    let (first_task, _) = bench
        .run_as_until_running(
            "bench-fargate",
            awsvpc.clone(),
            Some(aws_sdk_ecs::types::LaunchType::Fargate),
        )
        .await?;
    client.stop_task().task(&first_task).send().await?;
    // A second baseline as close to an awsvpc task as Docker gets alone: `docker run -d
    // --network NET --ip ADDRESS` on a bridge network like a slice's (the subnet's last
    // /24: the benchmark's two agents, the EC2 instance and the Fargate pool host, take the
    // first two).
    let base_net = format!("berth-bench-net-{}", std::process::id());
    let second_slice: ipnet::Ipv4Net = subnet
        .cidr
        .parse::<ipnet::Ipv4Net>()?
        .subnets(24)?
        .last()
        .context("the subnet has no /24")?;
    let first = u32::from(second_slice.network());
    docker(&[
        "network",
        "create",
        "--subnet",
        &second_slice.to_string(),
        "--gateway",
        &std::net::Ipv4Addr::from(first + 1).to_string(),
        "-o",
        "com.docker.network.bridge.enable_ip_masquerade=false",
        &base_net,
    ])
    .await?;

    let mut berth_samples = Vec::with_capacity(samples);
    let mut full_samples = Vec::with_capacity(samples);
    let mut awsvpc_samples = Vec::with_capacity(samples);
    let mut fargate_samples = Vec::with_capacity(samples);
    let mut docker_samples = Vec::with_capacity(samples);
    let mut docker_ip_samples = Vec::with_capacity(samples);
    let kinds = ["bench", "bench-full", "bench-awsvpc", "bench-fargate"];
    for i in 0..samples {
        // Rotate which berth kind goes first, so none always follows the baseline.
        for k in 0..kinds.len() {
            let family = kinds[(k + i) % kinds.len()];
            let network = matches!(family, "bench-awsvpc" | "bench-fargate")
                .then(|| awsvpc.clone())
                .flatten();
            let launch_type =
                (family == "bench-fargate").then_some(aws_sdk_ecs::types::LaunchType::Fargate);
            let (task_arn, elapsed) = bench
                .run_as_until_running(family, network, launch_type)
                .await?;
            match family {
                "bench" => berth_samples.push(elapsed),
                "bench-full" => full_samples.push(elapsed),
                "bench-fargate" => fargate_samples.push(elapsed),
                _ => awsvpc_samples.push(elapsed),
            }
            client.stop_task().task(&task_arn).send().await?;
        }

        // Baseline: docker run -d (returns once the container is started), then check.
        let name = format!("berth-bench-baseline-{}-{i}", std::process::id());
        let started = Instant::now();
        docker(&[
            "run", "-d", "--name", &name, "-m", "16m", image, "sleep", "3600",
        ])
        .await?;
        docker_samples.push(started.elapsed());
        let running = docker(&["inspect", "-f", "{{.State.Running}}", &name]).await?;
        if running != "true" {
            bail!("baseline container {name} is not running");
        }
        docker(&["rm", "-f", &name]).await?;

        let name = format!("berth-bench-baseline-ip-{}-{i}", std::process::id());
        let address = std::net::Ipv4Addr::from(first + 2 + (i % 250) as u32).to_string();
        let started = Instant::now();
        docker(&[
            "run",
            "-d",
            "--name",
            &name,
            "--network",
            &base_net,
            "--ip",
            &address,
            "-m",
            "16m",
            image,
            "sleep",
            "3600",
        ])
        .await?;
        docker_ip_samples.push(started.elapsed());
        docker(&["rm", "-f", &name]).await?;
    }
    docker(&["network", "rm", &base_net]).await?;
    // gVisor last: it tags the cluster, which changes the tier of every later task.
    let gvisor = run_task_gvisor(&bench, samples, image).await?;
    // Let the agent stop the last tasks before it goes.
    bench.stop().await?;

    berth_samples.sort();
    full_samples.sort();
    awsvpc_samples.sort();
    fargate_samples.sort();
    docker_samples.sort();
    docker_ip_samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let (b50, b99) = (
        percentile(&berth_samples, 50.0),
        percentile(&berth_samples, 99.0),
    );
    let (f50, f99) = (
        percentile(&full_samples, 50.0),
        percentile(&full_samples, 99.0),
    );
    let (d50, d99) = (
        percentile(&docker_samples, 50.0),
        percentile(&docker_samples, 99.0),
    );
    println!("run-task latency, {samples} samples each, image {image}");
    println!(
        "  berth RunTask→RUNNING : p50 {:8.1} ms   p99 {:8.1} ms",
        ms(b50),
        ms(b99)
    );
    println!(
        "  with 2 secrets, a task volume and awslogs: p50 {:8.1} ms   p99 {:8.1} ms   (adds p50 {:+.1} ms, p99 {:+.1} ms)",
        ms(f50),
        ms(f99),
        ms(f50) - ms(b50),
        ms(f99) - ms(b99)
    );
    let (a50, a99) = (
        percentile(&awsvpc_samples, 50.0),
        percentile(&awsvpc_samples, 99.0),
    );
    println!(
        "  berth awsvpc          : p50 {:8.1} ms   p99 {:8.1} ms   (vs bridge task p50 {:+.1} ms; vs docker p50 {:+.1} ms, target ≤ +50 ms)",
        ms(a50),
        ms(a99),
        ms(a50) - ms(b50),
        ms(a50) - ms(d50)
    );
    let (g50, g99) = (
        percentile(&fargate_samples, 50.0),
        percentile(&fargate_samples, 99.0),
    );
    println!(
        "  berth FARGATE         : p50 {:8.1} ms   p99 {:8.1} ms   (awsvpc on the pool, 256 CPU / 512 MiB task cgroup; vs EC2 bridge task p50 {:+.1} ms; vs docker p50 {:+.1} ms, target ≤ +50 ms)",
        ms(g50),
        ms(g99),
        ms(g50) - ms(b50),
        ms(g50) - ms(d50)
    );
    println!(
        "  docker run -d         : p50 {:8.1} ms   p99 {:8.1} ms",
        ms(d50),
        ms(d99)
    );
    let (i50, i99) = (
        percentile(&docker_ip_samples, 50.0),
        percentile(&docker_ip_samples, 99.0),
    );
    println!(
        "  docker run -d --ip    : p50 {:8.1} ms   p99 {:8.1} ms   (own network with a fixed address; awsvpc vs this p50 {:+.1} ms)",
        ms(i50),
        ms(i99),
        ms(a50) - ms(i50)
    );
    println!(
        "  ratio berth/docker    : p50 {:.2}x   p99 {:.2}x   (p50 difference {:+.1} ms; target ≤ +20 ms)",
        ms(b50) / ms(d50).max(0.001),
        ms(b99) / ms(d99).max(0.001),
        ms(b50) - ms(d50)
    );
    match gvisor {
        Some((mut berth, mut baseline)) => {
            berth.sort();
            baseline.sort();
            let (g50, g99) = (percentile(&berth, 50.0), percentile(&berth, 99.0));
            let (r50, r99) = (percentile(&baseline, 50.0), percentile(&baseline, 99.0));
            println!(
                "  berth gvisor tier     : p50 {:8.1} ms   p99 {:8.1} ms   (vs docker --runtime runsc p50 {:+.1} ms)",
                ms(g50),
                ms(g99),
                ms(g50) - ms(r50)
            );
            println!(
                "  docker run -d --runtime runsc: p50 {:8.1} ms   p99 {:8.1} ms   (vs runc docker p50 {:+.1} ms)",
                ms(r50),
                ms(r99),
                ms(r50) - ms(d50)
            );
        }
        None => println!("  gvisor tier           : skipped, dockerd has no runsc runtime (scripts/runsc-runtime.sh)"),
    }
    Ok(())
}

/// The gVisor tier: RunTask→RUNNING of a task in a cluster tagged
/// `berth:isolation=gvisor`, interleaved with `docker run -d --runtime runsc` of the same
/// container. `None` when dockerd has no `runsc` runtime.
async fn run_task_gvisor(
    bench: &DockerBench,
    samples: usize,
    image: &str,
) -> anyhow::Result<Option<(Vec<Duration>, Vec<Duration>)>> {
    let runtimes = docker(&["info", "--format", "{{json .Runtimes}}"]).await?;
    if !runtimes.contains("\"runsc\"") {
        return Ok(None);
    }
    let client = &bench.client;
    let cluster = client
        .describe_clusters()
        .clusters("default")
        .send()
        .await?;
    let cluster_arn = cluster
        .clusters()
        .first()
        .and_then(|c| c.cluster_arn())
        .context("the default cluster has no ARN")?
        .to_owned();
    client
        .tag_resource()
        .resource_arn(cluster_arn)
        .tags(
            aws_sdk_ecs::types::Tag::builder()
                .key("berth:isolation")
                .value("gvisor")
                .build(),
        )
        .send()
        .await
        .context("tagging the cluster berth:isolation=gvisor")?;
    let mut berth_samples = Vec::with_capacity(samples);
    let mut docker_samples = Vec::with_capacity(samples);
    for i in 0..samples {
        let (task_arn, elapsed) = bench.run_until_running("bench", None).await?;
        berth_samples.push(elapsed);
        client.stop_task().task(&task_arn).send().await?;

        let name = format!("berth-bench-runsc-{}-{i}", std::process::id());
        let started = Instant::now();
        docker(&[
            "run",
            "-d",
            "--runtime",
            "runsc",
            "--name",
            &name,
            "-m",
            "16m",
            image,
            "sleep",
            "3600",
        ])
        .await?;
        docker_samples.push(started.elapsed());
        docker(&["rm", "-f", &name]).await?;
    }
    Ok(Some((berth_samples, docker_samples)))
}

/// A /16 of 10.128.0.0/9 that no route of this host overlaps, for the benchmark's subnet.
async fn free_cidr() -> anyhow::Result<String> {
    let output = tokio::process::Command::new("ip")
        .args(["-4", "route"])
        .output()
        .await
        .context("running ip route")?;
    let routes = String::from_utf8_lossy(&output.stdout).into_owned();
    (128..=250)
        .map(|octet| format!("10.{octet}."))
        .find(|prefix| !routes.contains(prefix.as_str()))
        .map(|prefix| format!("{prefix}0.0/16"))
        .context("no free /16 in 10.128.0.0/9")
}

fn secret(name: &str, value_from: &str) -> anyhow::Result<aws_sdk_ecs::types::Secret> {
    Ok(aws_sdk_ecs::types::Secret::builder()
        .name(name)
        .value_from(value_from)
        .build()?)
}

/// The benchmark's secrets (an SSM SecureString and a Secrets Manager secret) and an
/// execution role that may read them, made through the app's SSM, Secrets Manager and IAM
/// operations; returns the role's ARN.
async fn bench_secrets(server: &Server) -> anyhow::Result<String> {
    use berth_api::{secretsmanager, ssm};
    let app = &server.app;
    let admin = berth_server::identity::Caller::admin();
    app.put_parameter(
        ssm::PutParameterRequest {
            name: "/bench/db-password".into(),
            value: "bench-s3cret".into(),
            type_: Some(ssm::ParameterType::SecureString),
            ..Default::default()
        },
        &admin,
    )
    .await
    .map_err(|e| anyhow::anyhow!("PutParameter: {e}"))?;
    app.create_secret(secretsmanager::CreateSecretRequest {
        name: "bench/api".into(),
        secret_string: Some(r#"{"token":"bench-t0ken"}"#.into()),
        ..Default::default()
    })
    .await
    .map_err(|e| anyhow::anyhow!("CreateSecret: {e}"))?;
    let name = "bench-execution";
    let trust = serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                       "Principal": {"Service": "ecs-tasks.amazonaws.com"}}]
    });
    let policy = serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow",
                       "Action": ["ssm:GetParameters", "secretsmanager:GetSecretValue"],
                       "Resource": "*"}]
    });
    let created = app
        .create_role(
            &admin,
            berth_api::iam::CreateRoleRequest {
                role_name: name.into(),
                assume_role_policy_document: trust.to_string(),
                ..Default::default()
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("CreateRole: {e}"))?;
    app.put_role_policy(
        &admin,
        berth_api::iam::PutRolePolicyRequest {
            role_name: name.into(),
            policy_name: "bench".into(),
            policy_document: policy.to_string(),
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("PutRolePolicy: {e}"))?;
    Ok(created.role.arn)
}

/// The resident set size of this process, in MiB, from /proc.
pub(crate) fn rss_mib(pid: Option<u32>) -> f64 {
    let path = match pid {
        Some(pid) => format!("/proc/{pid}/status"),
        None => "/proc/self/status".to_owned(),
    };
    std::fs::read_to_string(path)
        .ok()
        .and_then(|status| {
            status.lines().find_map(|line| {
                let kib = line
                    .strip_prefix("VmRSS:")?
                    .trim()
                    .trim_end_matches("kB")
                    .trim();
                kib.parse::<f64>().ok()
            })
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

/// The server's administrator key, for the benchmarks' SDK clients.
pub(crate) fn bench_credentials(server: &Server) -> aws_credential_types::Credentials {
    aws_credential_types::Credentials::new(
        server.credentials.access_key_id.clone(),
        server.credentials.secret_access_key.clone(),
        None,
        None,
        "berth-bench",
    )
}

pub(crate) fn sdk_client(server: &Server) -> aws_sdk_ecs::Client {
    sdk_client_with(
        server,
        &server.credentials.access_key_id,
        &server.credentials.secret_access_key,
    )
}

/// An ECS client of `server` signed with another access key.
pub(crate) fn sdk_client_with(
    server: &Server,
    access_key_id: &str,
    secret_access_key: &str,
) -> aws_sdk_ecs::Client {
    let credentials = aws_credential_types::Credentials::new(
        access_key_id,
        secret_access_key,
        None,
        None,
        "berth-bench",
    );
    let config = aws_sdk_ecs::Config::builder()
        .behavior_version(aws_sdk_ecs::config::BehaviorVersion::latest())
        .region(aws_sdk_ecs::config::Region::new("us-east-1"))
        .credentials_provider(credentials)
        .endpoint_url(format!("http://{}", server.addr))
        .build();
    aws_sdk_ecs::Client::from_conf(config)
}

async fn cluster(agents: usize, tasks: usize, callers: usize) -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let cancel = CancellationToken::new();
    let (server, token) = start_bench_server(dir.path(), &cancel).await?;
    let client = sdk_client(&server);

    // The simulated fleet runs in its own process, so that the RSS below is the server's.
    let started = Instant::now();
    let mut sim = SimFleet::start(server.addr, &token, agents, &dir.path().join("sim")).await?;
    let registration = started.elapsed();
    let rss_idle = rss_mib(None);

    client
        .register_task_definition()
        .family("bench-cluster")
        .container_definitions(
            ContainerDefinition::builder()
                .name("main")
                .image("fake")
                .memory(32)
                .build(),
        )
        .send()
        .await?;

    let calls = tasks.div_ceil(10);
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..callers.max(1) {
        let client = client.clone();
        let next = next.clone();
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut placed = 0usize;
            while next.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < calls {
                let call = Instant::now();
                let response = client
                    .run_task()
                    .task_definition("bench-cluster")
                    .count(10)
                    .send()
                    .await?;
                latencies.push(call.elapsed());
                placed += response.tasks().len();
            }
            anyhow::Ok((latencies, placed))
        }));
    }
    let mut latencies = Vec::new();
    let mut placed = 0;
    for worker in workers {
        let (mut l, p) = worker.await??;
        latencies.append(&mut l);
        placed += p;
    }
    let placing = started.elapsed();
    let deadline = Instant::now() + Duration::from_secs(600);
    let running_at = loop {
        let running = {
            let view = server.app.view.read();
            view.tasks
                .values()
                .filter(|t| t.last_status() == "RUNNING")
                .count()
        };
        if running >= placed {
            break started.elapsed();
        }
        if Instant::now() > deadline {
            bail!("only {running} of {placed} tasks RUNNING after 600 s");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let rss_end = rss_mib(None);
    let sim_rss = rss_mib(sim.child.id());
    latencies.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("cluster benchmark: {agents} simulated agents (berth sim, separate process), {placed} tasks placed by {callers} concurrent RunTask callers (count 10), SQLite store");
    println!(
        "  registration of {agents} agents   : {:.1} s",
        registration.as_secs_f64()
    );
    println!(
        "  placed and durable            : {:.0} tasks/s ({placed} in {:.1} s; target ≥ 5,000/s)",
        placed as f64 / placing.as_secs_f64(),
        placing.as_secs_f64()
    );
    println!(
        "  RUNNING (reported by agents)  : {:.0} tasks/s ({placed} in {:.1} s)",
        placed as f64 / running_at.as_secs_f64(),
        running_at.as_secs_f64()
    );
    println!(
        "  RunTask latency               : p50 {:.1} ms  p99 {:.1} ms",
        ms(percentile(&latencies, 50.0)),
        ms(percentile(&latencies, 99.0))
    );
    println!("  server RSS                    : {rss_idle:.0} MiB with idle agents, {rss_end:.0} MiB at the end (target ≤ 1,024 MiB)");
    println!("  berth sim RSS ({agents} agents)     : {sim_rss:.0} MiB");
    cancel.cancel();
    let _ = sim.child.kill().await;
    server.join().await;
    Ok(())
}

/// A `berth sim` child process, registered.
pub(crate) struct SimFleet {
    pub child: tokio::process::Child,
    /// Held open so that the fleet's later output has somewhere to go.
    _stdout: tokio::io::Lines<tokio::io::BufReader<tokio::process::ChildStdout>>,
}

impl SimFleet {
    /// Starts `agents` simulated agents in their own process (so that the benchmark's RSS is
    /// the server's) and waits until every one is registered.
    pub(crate) async fn start(
        server: std::net::SocketAddr,
        token: &str,
        agents: usize,
        data_dir: &std::path::Path,
    ) -> anyhow::Result<Self> {
        use tokio::io::AsyncBufReadExt;
        let mut child = tokio::process::Command::new(std::env::current_exe()?)
            .args([
                "sim",
                "--server",
                &format!("http://{server}"),
                "--token",
                token,
            ])
            .args(["--agents", &agents.to_string(), "--zones", "a,b,c,d,e"])
            .arg("--data-dir")
            .arg(data_dir)
            .env("BERTH_LOG", "warn")
            .stdout(std::process::Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .context("starting berth sim")?;
        let stdout = child.stdout.take().context("berth sim has no stdout")?;
        let mut lines = tokio::io::BufReader::new(stdout).lines();
        loop {
            match tokio::time::timeout(Duration::from_secs(300), lines.next_line()).await {
                Ok(Ok(Some(line))) if line.contains("registered") => break,
                Ok(Ok(Some(_))) => continue,
                _ => bail!("berth sim did not register {agents} agents within 300 s"),
            }
        }
        Ok(Self {
            child,
            _stdout: lines,
        })
    }
}
