//! `berth bench services` and `berth bench service-scale`: ECS services against Docker
//! Swarm mode, and the service scheduler's throughput at scale.
//!
//! `services` runs berth (a server on SQLite and a Docker agent, in this process, driven
//! through `aws-sdk-ecs`) and Swarm mode on the same dockerd, with the same image and the
//! same container (a shell that exits on SIGTERM), alternating berth and Swarm in each
//! repetition so that both see the same machine load. It times three things on both:
//! a new service of N replicas until all N are running, a start-first rolling update of M
//! replicas until all new tasks run and the old are gone, and a `docker kill` of one
//! replica's container until its replacement runs. Each side is read through its own
//! control plane (DescribeServices/DescribeTasks for berth, `docker service ps` for Swarm),
//! both polled every 50 ms. The Swarm node is left (`docker swarm leave --force`) on every
//! way out, failures included.
//!
//! `service-scale` starts a server in this process and `berth sim` (simulated agents over
//! the fake runtime) in a child process, creates one service of `--tasks` replicas, and
//! reads the server's view until all tasks are placed (durable) and RUNNING.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use aws_sdk_ecs::types::{ContainerDefinition, DeploymentConfiguration, KeyValuePair};
use berth_agent::ContainerRuntime;
use tokio_util::sync::CancellationToken;

use crate::bench::{docker, rss_mib, sdk_client, start_bench_server};

/// How often both sides are polled.
const POLL: Duration = Duration::from_millis(50);
/// Longest any one measured step may take before the benchmark gives up.
const STEP_LIMIT: Duration = Duration::from_secs(300);
/// A container that exits at once on SIGTERM (a shell as PID 1 ignores it otherwise), the
/// same on both sides.
const SCRIPT: &str = "trap 'exit 0' TERM; sleep 3600 & wait";
/// Memory limit of each container, on both sides.
const MEMORY_MIB: i32 = 16;
/// berth's deployment configuration; Swarm's update parallelism follows from it.
const MIN_HEALTHY_PERCENT: i32 = 100;
const MAX_PERCENT: i32 = 200;

/// Settings of `berth bench services`.
pub struct ServicesBench {
    pub replicas: usize,
    pub update_replicas: usize,
    pub repetitions: usize,
    pub image: String,
}

/// The three figures of one repetition, for one side.
#[derive(Default)]
struct Samples {
    create: Vec<Duration>,
    update: Vec<Duration>,
    replace: Vec<Duration>,
    /// Phases of the replacement: the control plane no longer shows the killed task
    /// running, and a replacement task exists.
    noticed: Vec<Duration>,
    placed: Vec<Duration>,
}

/// One look at a service after one of its containers was killed.
struct AfterKill {
    victim_running: bool,
    replacement_exists: bool,
    done: bool,
}

/// Polls `observe` from a kill at `killed` until it says done, and records when the kill
/// was noticed, when a replacement appeared, and when it ran.
async fn time_replacement<F, Fut>(
    what: &str,
    killed: Instant,
    samples: &mut Samples,
    mut observe: F,
) -> anyhow::Result<()>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<AfterKill>>,
{
    let mut noticed = None;
    let mut placed = None;
    loop {
        let seen = observe().await?;
        if !seen.victim_running {
            noticed.get_or_insert(killed.elapsed());
        }
        if seen.replacement_exists {
            placed.get_or_insert(killed.elapsed());
        }
        if seen.done {
            let running = killed.elapsed();
            samples.replace.push(running);
            samples.noticed.push(noticed.unwrap_or(running));
            samples.placed.push(placed.unwrap_or(running));
            return Ok(());
        }
        if killed.elapsed() > STEP_LIMIT {
            bail!("{what}: not done within {} s", STEP_LIMIT.as_secs());
        }
        tokio::time::sleep(POLL).await;
    }
}

pub async fn services(bench: ServicesBench) -> anyhow::Result<()> {
    if bench.replicas == 0 || bench.update_replicas == 0 || bench.repetitions == 0 {
        bail!("--replicas, --update-replicas and --repetitions must be positive");
    }
    docker(&["image", "inspect", &bench.image])
        .await
        .with_context(|| {
            format!(
                "the image {} must be built locally first (scripts/build-test-image.sh)",
                bench.image
            )
        })?;
    let state = docker(&["info", "--format", "{{.Swarm.LocalNodeState}}"]).await?;
    if state != "inactive" {
        bail!("this dockerd is already in Swarm mode ({state}); the benchmark owns its swarm and will not leave someone else's");
    }
    // Parallelism equal to what berth's maximumPercent lets it start at once above the
    // desired count (200 % → all of them).
    let parallelism = (bench.update_replicas * (MAX_PERCENT as usize - 100) / 100).max(1);

    let dir = tempfile::tempdir()?;
    let cancel = CancellationToken::new();
    let berth = BerthSide::start(dir.path(), &cancel, &bench.image).await?;
    let outcome = async {
        let swarm = Swarm::init().await?;
        let mut berth_samples = Samples::default();
        let mut swarm_samples = Samples::default();
        for rep in 0..bench.repetitions {
            eprintln!("repetition {} of {}", rep + 1, bench.repetitions);
            berth
                .create(rep, bench.replicas, &mut berth_samples)
                .await?;
            swarm
                .create(rep, bench.replicas, &bench.image, &mut swarm_samples)
                .await?;
            berth
                .update_and_kill(rep, bench.update_replicas, &mut berth_samples)
                .await?;
            swarm
                .update_and_kill(
                    rep,
                    bench.update_replicas,
                    parallelism,
                    &bench.image,
                    &mut swarm_samples,
                )
                .await?;
        }
        drop(swarm);
        anyhow::Ok((berth_samples, swarm_samples))
    }
    .await;
    berth.stop(&cancel).await;
    let (b, s) = outcome?;

    println!(
        "services against Docker Swarm mode (same dockerd, image {}, `sh -c \"{SCRIPT}\"`, {MEMORY_MIB} MiB), median of {} repetitions; both polled every {} ms",
        bench.image,
        bench.repetitions,
        POLL.as_millis()
    );
    println!(
        "  berth : one server on SQLite + one Docker agent (in process), aws-sdk-ecs; deploymentConfiguration minimumHealthyPercent {MIN_HEALTHY_PERCENT}, maximumPercent {MAX_PERCENT}"
    );
    println!(
        "  swarm : docker service create --restart-delay 0s --update-order start-first --update-parallelism {parallelism} --update-delay 0s --limit-memory {MEMORY_MIB}m --no-resolve-image"
    );
    println!(
        "  {:<54} {:>9} {:>9} {:>12}",
        "", "berth", "swarm", "berth/swarm"
    );
    let row = |what: String, berth: &[Duration], swarm: &[Duration]| {
        let (b, s) = (median(berth), median(swarm));
        println!(
            "  {what:<54} {:>7.2} s {:>7.2} s {:>10.2}×   (target ≤ 0.50×)",
            b.as_secs_f64(),
            s.as_secs_f64(),
            b.as_secs_f64() / s.as_secs_f64().max(1e-6)
        );
    };
    row(
        format!("new service, {} replicas → all running", bench.replicas),
        &b.create,
        &s.create,
    );
    row(
        format!(
            "rolling update, {} replicas → all new running, old gone",
            bench.update_replicas
        ),
        &b.update,
        &s.update,
    );
    row(
        "docker kill of one replica → replacement running".to_owned(),
        &b.replace,
        &s.replace,
    );
    let phases = |who: &str, s: &Samples| {
        println!(
            "    {who} after the kill: killed task shown not running {:.2} s, replacement task exists {:.2} s, running {:.2} s (medians)",
            median(&s.noticed).as_secs_f64(),
            median(&s.placed).as_secs_f64(),
            median(&s.replace).as_secs_f64()
        );
    };
    phases("berth", &b);
    phases("swarm", &s);
    let all = |v: &[Duration]| {
        v.iter()
            .map(|d| format!("{:.2}", d.as_secs_f64()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!(
        "  samples (s): berth create [{}] update [{}] kill [{}]",
        all(&b.create),
        all(&b.update),
        all(&b.replace)
    );
    println!(
        "               swarm create [{}] update [{}] kill [{}]",
        all(&s.create),
        all(&s.update),
        all(&s.replace)
    );
    Ok(())
}

fn median(samples: &[Duration]) -> Duration {
    let mut sorted = samples.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

/// Polls `check` every [`POLL`] until it returns true; fails after [`STEP_LIMIT`].
async fn poll_until<F, Fut>(what: &str, mut check: F) -> anyhow::Result<()>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<bool>>,
{
    let deadline = Instant::now() + STEP_LIMIT;
    loop {
        if check().await? {
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!("{what}: not done within {} s", STEP_LIMIT.as_secs());
        }
        tokio::time::sleep(POLL).await;
    }
}

/// berth: a server, one Docker agent, and an SDK client.
struct BerthSide {
    server: berth_server::Server,
    client: aws_sdk_ecs::Client,
    agent: tokio::task::JoinHandle<anyhow::Result<()>>,
    /// The agent's container instance: its containers carry it as a label, which tells
    /// them apart from other berth servers' containers on the same dockerd.
    instance_arn: String,
    image: String,
}

impl BerthSide {
    async fn start(
        dir: &std::path::Path,
        cancel: &CancellationToken,
        image: &str,
    ) -> anyhow::Result<Self> {
        let (server, token) = start_bench_server(dir, cancel).await?;
        let runtime: Arc<dyn ContainerRuntime> =
            Arc::new(berth_agent::DockerRuntime::connect().await?);
        let server_url = format!("http://{}", server.addr);
        let agent_config = berth_agent::AgentConfig {
            join_token: Some(token),
            ..berth_agent::AgentConfig::new(server_url.clone(), "default", dir.join("agent"))
        };
        let control = Arc::new(berth_agent::HttpControlPlane::new(&server_url)?);
        let agent_cancel = cancel.clone();
        let agent = tokio::spawn(async move {
            berth_agent::run(agent_config, runtime, control, agent_cancel).await
        });
        let client = sdk_client(&server);
        let deadline = Instant::now() + Duration::from_secs(60);
        let instance_arn = loop {
            let instances = client.list_container_instances().send().await?;
            if let Some(arn) = instances.container_instance_arns().first() {
                break arn.clone();
            }
            if Instant::now() > deadline {
                bail!("the agent did not register within 60 s");
            }
            tokio::time::sleep(POLL).await;
        };
        Ok(BerthSide {
            server,
            client,
            agent,
            instance_arn,
            image: image.to_owned(),
        })
    }

    /// Registers a revision of `family` whose container carries `BENCH=version`.
    async fn register(&self, family: &str, version: usize) -> anyhow::Result<String> {
        let out = self
            .client
            .register_task_definition()
            .family(family)
            .container_definitions(
                ContainerDefinition::builder()
                    .name("main")
                    .image(&self.image)
                    .memory(MEMORY_MIB)
                    .command("sh")
                    .command("-c")
                    .command(SCRIPT)
                    .environment(
                        KeyValuePair::builder()
                            .name("BENCH")
                            .value(version.to_string())
                            .build(),
                    )
                    .build(),
            )
            .send()
            .await
            .context("registering a task definition")?;
        out.task_definition()
            .and_then(|d| d.task_definition_arn())
            .map(str::to_owned)
            .context("RegisterTaskDefinition returned no ARN")
    }

    async fn create_service(
        &self,
        name: &str,
        task_definition: &str,
        count: usize,
    ) -> anyhow::Result<()> {
        self.client
            .create_service()
            .service_name(name)
            .task_definition(task_definition)
            .desired_count(count as i32)
            .deployment_configuration(
                DeploymentConfiguration::builder()
                    .minimum_healthy_percent(MIN_HEALTHY_PERCENT)
                    .maximum_percent(MAX_PERCENT)
                    .build(),
            )
            .send()
            .await
            .with_context(|| format!("creating service {name}"))?;
        Ok(())
    }

    async fn running_count(&self, name: &str) -> anyhow::Result<i32> {
        let out = self
            .client
            .describe_services()
            .services(name)
            .send()
            .await?;
        Ok(out.services().first().map_or(0, |s| s.running_count()))
    }

    /// The service's tasks that are RUNNING, by ARN.
    async fn running_tasks(&self, name: &str) -> anyhow::Result<Vec<String>> {
        Ok(self
            .tasks(name)
            .await?
            .into_iter()
            .filter(|(_, status)| status == "RUNNING")
            .map(|(arn, _)| arn)
            .collect())
    }

    /// The service's tasks (those ListTasks lists): ARN and last status.
    async fn tasks(&self, name: &str) -> anyhow::Result<Vec<(String, String)>> {
        let listed = self.client.list_tasks().service_name(name).send().await?;
        let mut tasks = Vec::new();
        for chunk in listed.task_arns().chunks(100) {
            let described = self
                .client
                .describe_tasks()
                .set_tasks(Some(chunk.to_vec()))
                .send()
                .await?;
            tasks.extend(described.tasks().iter().filter_map(|t| {
                Some((
                    t.task_arn()?.to_owned(),
                    t.last_status().unwrap_or_default().to_owned(),
                ))
            }));
        }
        Ok(tasks)
    }

    /// Running containers of this agent (all services), as Docker sees them.
    async fn running_containers(&self) -> anyhow::Result<usize> {
        let filter = format!(
            "label={}={}",
            berth_api::protocol::labels::INSTANCE_ARN,
            self.instance_arn
        );
        let ids = docker(&["ps", "-q", "--filter", &filter]).await?;
        Ok(ids.lines().filter(|l| !l.is_empty()).count())
    }

    /// Deletes a service and waits until its containers have stopped, so that the next
    /// measurement starts on a quiet dockerd.
    async fn delete(&self, name: &str) -> anyhow::Result<()> {
        self.client
            .delete_service()
            .service(name)
            .force(true)
            .send()
            .await
            .with_context(|| format!("deleting service {name}"))?;
        poll_until("berth's containers to stop", || async {
            Ok(self.running_containers().await? == 0)
        })
        .await
    }

    /// A new service of `count` replicas, until DescribeServices counts them all running.
    async fn create(&self, rep: usize, count: usize, samples: &mut Samples) -> anyhow::Result<()> {
        let name = format!("bench-create-{rep}");
        let definition = self.register(&name, 1).await?;
        let started = Instant::now();
        self.create_service(&name, &definition, count).await?;
        poll_until("berth: a new service to run all its replicas", || async {
            Ok(self.running_count(&name).await? == count as i32)
        })
        .await?;
        samples.create.push(started.elapsed());
        if self.running_containers().await? != count {
            bail!("berth says {count} tasks run, Docker disagrees");
        }
        self.delete(&name).await
    }

    /// A rolling update of a stable service of `count` replicas to a new revision, then a
    /// `docker kill` of one of its containers.
    async fn update_and_kill(
        &self,
        rep: usize,
        count: usize,
        samples: &mut Samples,
    ) -> anyhow::Result<()> {
        let name = format!("bench-update-{rep}");
        let v1 = self.register(&name, 1).await?;
        let v2 = self.register(&name, 2).await?;
        self.create_service(&name, &v1, count).await?;
        poll_until("berth: the service to be stable", || async {
            let out = self
                .client
                .describe_services()
                .services(&name)
                .send()
                .await?;
            Ok(out
                .services()
                .first()
                .is_some_and(|s| s.deployments().len() == 1 && s.running_count() == count as i32))
        })
        .await?;

        let started = Instant::now();
        let updated = self
            .client
            .update_service()
            .service(&name)
            .task_definition(&v2)
            .send()
            .await?
            .service
            .context("UpdateService returned no service")?;
        let new_deployment = updated
            .deployments()
            .first()
            .and_then(|d| d.id())
            .context("UpdateService returned no deployment")?
            .to_owned();
        // Done when the new deployment is the only one left (the old one leaves the list
        // once its last task is STOPPED) and all its tasks run.
        poll_until("berth: the rolling update to finish", || async {
            let out = self
                .client
                .describe_services()
                .services(&name)
                .send()
                .await?;
            Ok(out.services().first().is_some_and(|s| {
                s.deployments().len() == 1
                    && s.deployments()[0].id() == Some(&*new_deployment)
                    && s.deployments()[0].running_count() == count as i32
            }))
        })
        .await?;
        samples.update.push(started.elapsed());
        if self.running_containers().await? != count {
            bail!("berth says the update is done, Docker does not have {count} containers running");
        }

        let before: HashSet<String> = self.tasks(&name).await?.into_iter().map(|t| t.0).collect();
        let victim = self
            .running_tasks(&name)
            .await?
            .into_iter()
            .next()
            .context("no running task to kill")?;
        let container = docker(&[
            "ps",
            "-q",
            "--filter",
            &format!("label={}={victim}", berth_api::protocol::labels::TASK_ARN),
        ])
        .await?;
        if container.is_empty() || container.lines().count() != 1 {
            bail!("expected one container for {victim}, found {container:?}");
        }
        let started = Instant::now();
        docker(&["kill", &container]).await?;
        time_replacement("berth: a replacement to run", started, samples, || async {
            let tasks = self.tasks(&name).await?;
            let running = |arn: &String| tasks.iter().any(|(a, s)| a == arn && s == "RUNNING");
            let victim_running = running(&victim);
            let others_running = tasks
                .iter()
                .filter(|(a, s)| a != &victim && s == "RUNNING")
                .count();
            Ok(AfterKill {
                victim_running,
                replacement_exists: tasks.iter().any(|(a, _)| !before.contains(a)),
                done: !victim_running && others_running == count,
            })
        })
        .await?;
        self.delete(&name).await
    }

    async fn stop(self, cancel: &CancellationToken) {
        cancel.cancel();
        let _ = self.agent.await;
        self.server.join().await;
        // The agent leaves stopped containers for its cleanup; remove what is left.
        let filter = format!(
            "label={}={}",
            berth_api::protocol::labels::INSTANCE_ARN,
            self.instance_arn
        );
        if let Ok(ids) = docker(&["ps", "-aq", "--filter", &filter]).await {
            let ids: Vec<&str> = ids.lines().filter(|l| !l.is_empty()).collect();
            if !ids.is_empty() {
                let mut args = vec!["rm", "-f", "-v"];
                args.extend(ids);
                let _ = docker(&args).await;
            }
        }
    }
}

/// This dockerd in Swarm mode for as long as the value lives; dropping it leaves the
/// swarm (which also removes the benchmark's services and their containers).
struct Swarm;

impl Swarm {
    async fn init() -> anyhow::Result<Swarm> {
        docker(&["swarm", "init", "--advertise-addr", "127.0.0.1"]).await?;
        Ok(Swarm)
    }

    /// Swarm tasks of `service`: (task ID, desired state, current state).
    async fn tasks(&self, service: &str) -> anyhow::Result<Vec<(String, String, String)>> {
        let out = docker(&[
            "service",
            "ps",
            "--no-trunc",
            "--format",
            "{{.ID}}|{{.DesiredState}}|{{.CurrentState}}",
            service,
        ])
        .await?;
        Ok(out
            .lines()
            .filter_map(|line| {
                let mut parts = line.splitn(3, '|');
                Some((
                    parts.next()?.to_owned(),
                    parts.next()?.to_owned(),
                    parts.next()?.to_owned(),
                ))
            })
            .collect())
    }

    /// IDs of the tasks Swarm reports running (and wants running).
    async fn running(&self, service: &str) -> anyhow::Result<Vec<String>> {
        Ok(self
            .tasks(service)
            .await?
            .into_iter()
            .filter(|(_, desired, current)| desired == "Running" && current.starts_with("Running"))
            .map(|(id, _, _)| id)
            .collect())
    }

    /// Running containers of `service`, as Docker sees them: (container ID, task ID).
    async fn containers(&self, service: &str) -> anyhow::Result<Vec<(String, String)>> {
        let out = docker(&[
            "ps",
            "--filter",
            &format!("label=com.docker.swarm.service.name={service}"),
            "--format",
            "{{.ID}}|{{.Label \"com.docker.swarm.task.id\"}}",
        ])
        .await?;
        Ok(out
            .lines()
            .filter_map(|l| l.split_once('|'))
            .map(|(c, t)| (c.to_owned(), t.to_owned()))
            .collect())
    }

    async fn service_create(
        &self,
        name: &str,
        count: usize,
        parallelism: usize,
        image: &str,
    ) -> anyhow::Result<()> {
        let replicas = count.to_string();
        let parallelism = parallelism.to_string();
        let memory = format!("{MEMORY_MIB}m");
        docker(&[
            "service",
            "create",
            "--detach",
            "--no-resolve-image",
            "--name",
            name,
            "--replicas",
            &replicas,
            "--restart-delay",
            "0s",
            "--update-order",
            "start-first",
            "--update-parallelism",
            &parallelism,
            "--update-delay",
            "0s",
            "--limit-memory",
            &memory,
            "--env",
            "BENCH=1",
            image,
            "sh",
            "-c",
            SCRIPT,
        ])
        .await?;
        Ok(())
    }

    /// Removes a service and waits until its containers are gone.
    async fn remove(&self, name: &str) -> anyhow::Result<()> {
        docker(&["service", "rm", name]).await?;
        poll_until("Swarm's containers to go", || async {
            Ok(self.containers(name).await?.is_empty())
        })
        .await
    }

    async fn create(
        &self,
        rep: usize,
        count: usize,
        image: &str,
        samples: &mut Samples,
    ) -> anyhow::Result<()> {
        let name = format!("bench-create-{rep}");
        let started = Instant::now();
        self.service_create(&name, count, count, image).await?;
        poll_until("swarm: a new service to run all its replicas", || async {
            Ok(self.running(&name).await?.len() == count)
        })
        .await?;
        samples.create.push(started.elapsed());
        self.remove(&name).await
    }

    async fn update_and_kill(
        &self,
        rep: usize,
        count: usize,
        parallelism: usize,
        image: &str,
        samples: &mut Samples,
    ) -> anyhow::Result<()> {
        let name = format!("bench-update-{rep}");
        self.service_create(&name, count, parallelism, image)
            .await?;
        poll_until("swarm: the service to run all its replicas", || async {
            Ok(self.running(&name).await?.len() == count)
        })
        .await?;
        let old: HashSet<String> = self.tasks(&name).await?.into_iter().map(|t| t.0).collect();

        let started = Instant::now();
        docker(&[
            "service",
            "update",
            "--detach",
            "--no-resolve-image",
            "--env-add",
            "BENCH=2",
            &name,
        ])
        .await?;
        // Done when `count` tasks that did not exist before run and no old task is still
        // running (Swarm keeps an old task's current state Running until its container
        // has exited).
        poll_until("swarm: the rolling update to finish", || async {
            let tasks = self.tasks(&name).await?;
            let new_running = tasks
                .iter()
                .filter(|(id, desired, current)| {
                    !old.contains(id) && desired == "Running" && current.starts_with("Running")
                })
                .count();
            let old_alive = tasks.iter().any(|(id, _, current)| {
                old.contains(id)
                    && (current.starts_with("Running") || current.starts_with("Starting"))
            });
            Ok(new_running == count && !old_alive)
        })
        .await?;
        samples.update.push(started.elapsed());

        let before: HashSet<String> = self.tasks(&name).await?.into_iter().map(|t| t.0).collect();
        let (container, victim) = self
            .containers(&name)
            .await?
            .into_iter()
            .next()
            .context("no running Swarm container to kill")?;
        let started = Instant::now();
        docker(&["kill", &container]).await?;
        time_replacement("swarm: a replacement to run", started, samples, || async {
            let tasks = self.tasks(&name).await?;
            let running = |(_, desired, current): &(String, String, String)| {
                desired == "Running" && current.starts_with("Running")
            };
            let victim_running = tasks.iter().any(|t| t.0 == victim && running(t));
            let others_running = tasks.iter().filter(|t| t.0 != victim && running(t)).count();
            Ok(AfterKill {
                victim_running,
                replacement_exists: tasks.iter().any(|t| !before.contains(&t.0)),
                done: !victim_running && others_running == count,
            })
        })
        .await?;
        self.remove(&name).await
    }
}

impl Drop for Swarm {
    fn drop(&mut self) {
        // Synchronous on purpose: this runs on every way out, errors and panics included.
        let left = std::process::Command::new("docker")
            .args(["swarm", "leave", "--force"])
            .stdout(std::process::Stdio::null())
            .status();
        if !matches!(left, Ok(status) if status.success()) {
            eprintln!("berth bench: `docker swarm leave --force` failed; leave the swarm by hand");
        }
    }
}

/// `berth bench service-scale`: one service scaled from 0 to `tasks` on `agents` simulated
/// agents.
pub async fn service_scale(agents: usize, tasks: usize) -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let cancel = CancellationToken::new();
    let (server, token) = start_bench_server(dir.path(), &cancel).await?;
    let client = sdk_client(&server);

    // The simulated fleet runs in its own process, so that the RSS below is the server's.
    let mut sim =
        crate::bench::SimFleet::start(server.addr, &token, agents, &dir.path().join("sim")).await?;
    let rss_idle = rss_mib(None);

    client
        .register_task_definition()
        .family("bench-scale")
        .container_definitions(
            ContainerDefinition::builder()
                .name("main")
                .image("fake")
                .memory(32)
                .build(),
        )
        .send()
        .await?;
    client
        .create_service()
        .service_name("scale")
        .task_definition("bench-scale")
        .desired_count(0)
        .send()
        .await?;

    let started = Instant::now();
    client
        .update_service()
        .service("scale")
        .desired_count(tasks as i32)
        .send()
        .await?;
    // The server's own view: a task is placed once its intent is durable (the view only
    // holds committed writes) and RUNNING once its agent's report is.
    let count = || {
        let view = server.app.view.read();
        let mut placed = 0;
        let mut running = 0;
        for entry in view.service_tasks("default", "scale") {
            if !entry.is_stopped() {
                placed += 1;
                running += usize::from(entry.last_status() == "RUNNING");
            }
        }
        (placed, running)
    };
    let deadline = Instant::now() + Duration::from_secs(900);
    let mut placed_at = None;
    let mut peak_rss: f64 = 0.0;
    let running_at = loop {
        let (placed, running) = count();
        peak_rss = peak_rss.max(rss_mib(None));
        if placed >= tasks && placed_at.is_none() {
            placed_at = Some(started.elapsed());
        }
        if running >= tasks {
            break started.elapsed();
        }
        if Instant::now() > deadline {
            bail!("only {placed} placed and {running} of {tasks} tasks RUNNING after 900 s");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let placed_at = placed_at.unwrap_or(running_at);
    // The API agrees.
    let described = client.describe_services().services("scale").send().await?;
    let api_running = described
        .services()
        .first()
        .map_or(0, |s| s.running_count());
    let rss_end = rss_mib(None);
    let sim_rss = rss_mib(sim.child.id());

    println!("service scale-up: one service, desiredCount 0 → {tasks} (UpdateService), {agents} simulated agents (berth sim, separate process, 4 vCPU / 16 GiB each, 5 zones), 32 MiB tasks, SQLite store");
    println!(
        "  placed and durable    : {tasks} in {:.1} s = {:.0} tasks/s",
        placed_at.as_secs_f64(),
        tasks as f64 / placed_at.as_secs_f64()
    );
    println!(
        "  RUNNING (agents' reports durable) : {tasks} in {:.1} s = {:.0} tasks/s (DescribeServices runningCount {api_running})",
        running_at.as_secs_f64(),
        tasks as f64 / running_at.as_secs_f64()
    );
    println!("  server RSS            : {rss_idle:.0} MiB with idle agents, {peak_rss:.0} MiB peak, {rss_end:.0} MiB at the end (benchmark process: server + SDK client)");
    println!("  berth sim RSS         : {sim_rss:.0} MiB");
    if api_running != tasks as i32 {
        bail!("DescribeServices says {api_running} running, not {tasks}");
    }
    cancel.cancel();
    let _ = sim.child.kill().await;
    server.join().await;
    Ok(())
}
