//! Services across real hosts: a `berth server` process and `berth agent` processes over
//! the Docker runtime, one on the default dockerd and one on the second dockerd
//! (`scripts/second-dockerd.sh`), driven through `aws-sdk-ecs`.
//!
//! - A DAEMON service runs exactly one task per instance (checked with `docker ps` on each
//!   daemon), follows a third agent joining, and leaves a DRAINING instance without
//!   replacing its task elsewhere.
//! - Draining a host of a REPLICA service replaces its tasks on the other host before
//!   stopping them, never letting the healthy tasks fall below `minimumHealthyPercent`.
//! - A host killed with -9 is lost after the agent TTL; the service replaces its tasks on
//!   the surviving host.
//! - The server killed with -9 in the middle of a rolling deployment and restarted on the
//!   same data directory finishes the deployment with exactly `desiredCount` tasks and
//!   exactly that many containers across both daemons: none duplicated, none orphaned.
//!
//! The tests need `target/debug/berth` (`cargo build -p berth`), Docker and the second
//! dockerd; without them they skip, unless `BERTH_REQUIRE_DOCKER` is set, when they fail.
//! Agents are killed, and their containers removed from both daemons, on drop, also when
//! a test panics.

mod multihost_support;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use aws_sdk_ecs::types::{
    ContainerInstanceStatus, DeploymentConfiguration, DeploymentRolloutState, DesiredStatus,
    HealthCheck, PlacementStrategy, PlacementStrategyType, SchedulingStrategy, Service, Task,
};
use berth_api::protocol::labels;
use berth_testkit::fixtures::{register, shell_container};
use berth_testkit::{docker_available, wait_for};
use multihost_support::{
    connected_instances, docker_on, remove_instance_containers_everywhere, second_docker_available,
    second_docker_host, Proc, ServerProc, AGENT_TTL_SECS,
};

/// The zone attribute ECS sets on container instances; each agent here gets its own
/// name as its zone, so that a test finds an instance by the agent's name.
const ZONE: &str = "ecs.availability-zone";
/// How long a service may take to converge on a loaded two-core machine.
const CONVERGE: Duration = Duration::from_secs(120);

/// One server and its agents. On drop, the agents are killed first (so that none starts
/// a container again), then every container that any instance of this server labelled is
/// removed from both daemons.
struct Hosts {
    server: ServerProc,
    agents: HashMap<String, Proc>,
    token: String,
    /// Agent name → container instance ARN, for every instance seen.
    instances: std::sync::Mutex<HashMap<String, String>>,
    // Last, so that the data directories outlive the processes using them.
    _root: tempfile::TempDir,
}

impl Hosts {
    async fn start() -> Self {
        berth_testkit::init_logging();
        let root = tempfile::tempdir().expect("a temporary directory");
        let server = ServerProc::start(root.path()).await;
        let token = server.join_token(true);
        Self {
            server,
            agents: HashMap::new(),
            token,
            instances: std::sync::Mutex::default(),
            _root: root,
        }
    }

    /// Starts a Docker agent called `name` (also its zone) on `docker_host` (default: the
    /// default daemon).
    fn agent(&mut self, name: &str, docker_host: Option<&str>) {
        let attributes = [format!("{ZONE}={name}")];
        let proc =
            self.server
                .agent_with(name, "docker", &attributes, docker_host, Some(&self.token));
        if let Some(mut old) = self.agents.insert(name.to_owned(), proc) {
            old.kill();
        }
    }

    /// `kill -9` of one agent process.
    fn kill_agent(&mut self, name: &str) {
        self.agents
            .get_mut(name)
            .unwrap_or_else(|| panic!("no agent {name}"))
            .kill();
    }

    /// Agent name → instance ARN, once `n` instances are connected.
    async fn instances(&self, n: usize) -> HashMap<String, String> {
        let client = self.server.client();
        let connected = connected_instances(&client, n).await;
        let by_name: HashMap<String, String> = connected
            .iter()
            .map(|i| {
                let zone = i
                    .attributes()
                    .iter()
                    .find(|a| a.name() == ZONE)
                    .and_then(|a| a.value())
                    .unwrap_or_else(|| panic!("{i:?} has no {ZONE}"));
                let arn = i.container_instance_arn().expect("an instance ARN");
                (zone.to_owned(), arn.to_owned())
            })
            .collect();
        self.instances
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend(by_name.clone());
        by_name
    }
}

impl Drop for Hosts {
    fn drop(&mut self) {
        for agent in self.agents.values_mut() {
            agent.kill();
        }
        let arns: Vec<String> = self
            .instances
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .values()
            .cloned()
            .collect();
        remove_instance_containers_everywhere(&arns);
    }
}

/// The running containers one instance's agent made on one daemon, as (container ID,
/// task ARN).
fn running_containers(host: Option<&str>, instance_arn: &str) -> Vec<(String, String)> {
    let format = format!("{{{{.ID}}}} {{{{.Label \"{}\"}}}}", labels::TASK_ARN);
    docker_on(
        host,
        &[
            "ps",
            "--no-trunc",
            "--filter",
            &format!("label={}={instance_arn}", labels::INSTANCE_ARN),
            "--format",
            &format,
        ],
    )
    .lines()
    .filter_map(|line| {
        let (id, task) = line.split_once(' ')?;
        Some((id.to_owned(), task.to_owned()))
    })
    .collect()
}

/// A one-container task definition that sleeps.
async fn sleeper(client: &aws_sdk_ecs::Client, family: &str) -> String {
    register(
        client,
        family,
        vec![shell_container("main", 16, "sleep 3600").build()],
    )
    .await
}

fn spread_by_instance() -> PlacementStrategy {
    PlacementStrategy::builder()
        .r#type(PlacementStrategyType::Spread)
        .field("instanceId")
        .build()
}

fn rolling(minimum_healthy_percent: i32, maximum_percent: i32) -> DeploymentConfiguration {
    DeploymentConfiguration::builder()
        .minimum_healthy_percent(minimum_healthy_percent)
        .maximum_percent(maximum_percent)
        .build()
}

/// CreateService of a REPLICA service spread over instances.
async fn create_replica(
    client: &aws_sdk_ecs::Client,
    name: &str,
    task_definition: &str,
    desired: i32,
) {
    client
        .create_service()
        .service_name(name)
        .task_definition(task_definition)
        .desired_count(desired)
        .placement_strategy(spread_by_instance())
        .deployment_configuration(rolling(100, 200))
        .send()
        .await
        .unwrap_or_else(|e| panic!("CreateService {name}: {e:?}"));
}

async fn describe_service(client: &aws_sdk_ecs::Client, name: &str) -> Option<Service> {
    let out = client
        .describe_services()
        .services(name)
        .send()
        .await
        .ok()?;
    out.services().first().cloned()
}

/// What `aws ecs wait services-stable` checks: one deployment, running == desired.
fn is_stable(service: &Service) -> bool {
    service.deployments().len() == 1 && service.running_count() == service.desired_count()
}

/// DescribeTasks of these ARNs (in chunks of 100, the API's limit); panics on a
/// `failures[]` entry, since every ARN a test asks about was given out by the server.
async fn describe_tasks(client: &aws_sdk_ecs::Client, arns: &[String]) -> Option<Vec<Task>> {
    let mut tasks = Vec::new();
    for chunk in arns.chunks(100) {
        let out = client
            .describe_tasks()
            .set_tasks(Some(chunk.to_vec()))
            .send()
            .await
            .ok()?;
        assert!(
            out.failures().is_empty(),
            "the server does not know task ARNs it gave out: {:?}",
            out.failures()
        );
        tasks.extend(out.tasks().iter().cloned());
    }
    Some(tasks)
}

/// ListTasks of the service with this desired status (one page: tests stay far below 100).
async fn list_service_tasks(
    client: &aws_sdk_ecs::Client,
    service: &str,
    desired: DesiredStatus,
) -> Option<Vec<String>> {
    let out = client
        .list_tasks()
        .service_name(service)
        .desired_status(desired)
        .send()
        .await
        .ok()?;
    Some(out.task_arns().to_vec())
}

/// The service's tasks whose desired status is RUNNING, as described.
async fn live_tasks(client: &aws_sdk_ecs::Client, service: &str) -> Option<Vec<Task>> {
    let arns = list_service_tasks(client, service, DesiredStatus::Running).await?;
    describe_tasks(client, &arns).await
}

/// Polls DescribeServices until `check` accepts the service; on timeout, panics naming
/// `what` with the service's deployments, counts, newest events and live tasks, which is
/// what one needs to see why a rollout stalled.
async fn wait_service<T, F, Fut>(
    client: &aws_sdk_ecs::Client,
    service: &str,
    what: &str,
    mut check: F,
) -> T
where
    F: FnMut(Service) -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = Instant::now() + CONVERGE;
    loop {
        if let Some(described) = describe_service(client, service).await {
            if let Some(value) = check(described).await {
                return value;
            }
        }
        if Instant::now() > deadline {
            let described = describe_service(client, service).await;
            let summary = described.map(|s| {
                let deployments: Vec<String> = s
                    .deployments()
                    .iter()
                    .map(|d| {
                        format!(
                            "{} {} {:?} {} running {} pending {} failed {}",
                            d.id().unwrap_or_default(),
                            d.status().unwrap_or_default(),
                            d.rollout_state(),
                            d.task_definition().unwrap_or_default(),
                            d.running_count(),
                            d.pending_count(),
                            d.failed_tasks()
                        )
                    })
                    .collect();
                let events: Vec<&str> = s
                    .events()
                    .iter()
                    .take(8)
                    .filter_map(|e| e.message())
                    .collect();
                format!(
                    "desired {} running {} pending {}\ndeployments {deployments:#?}\nevents {events:#?}",
                    s.desired_count(),
                    s.running_count(),
                    s.pending_count()
                )
            });
            let tasks: Vec<String> = live_tasks(client, service)
                .await
                .unwrap_or_default()
                .iter()
                .map(|t| {
                    format!(
                        "{} {} desired {} health {:?} {} on {}",
                        t.task_arn().unwrap_or_default(),
                        t.last_status().unwrap_or_default(),
                        t.desired_status().unwrap_or_default(),
                        t.health_status(),
                        t.started_by().unwrap_or_default(),
                        t.container_instance_arn().unwrap_or_default()
                    )
                })
                .collect();
            panic!(
                "timed out after {CONVERGE:?} waiting for {what}\nservice: {}\nlive tasks {tasks:#?}",
                summary.unwrap_or_default()
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until the service is stable with `n` RUNNING tasks (and nothing else live), and
/// returns them.
async fn wait_stable_with(client: &aws_sdk_ecs::Client, service: &str, n: usize) -> Vec<Task> {
    wait_stable_where(client, service, n, "", |_| true).await
}

/// As [`wait_stable_with`], until the tasks also pass `check` (described by `what`).
async fn wait_stable_where(
    client: &aws_sdk_ecs::Client,
    service: &str,
    n: usize,
    what: &str,
    check: impl Fn(&[Task]) -> bool,
) -> Vec<Task> {
    let what = format!("service {service} stable with {n} RUNNING tasks {what}");
    let check = &check;
    wait_service(client, service, &what, |described| async move {
        if !is_stable(&described) || described.desired_count() as usize != n {
            return None;
        }
        let tasks = live_tasks(client, service).await?;
        (tasks.len() == n
            && tasks.iter().all(|t| t.last_status() == Some("RUNNING"))
            && check(&tasks))
        .then_some(tasks)
    })
    .await
}

/// Task ARNs by container instance ARN.
fn by_instance(tasks: &[Task]) -> BTreeMap<String, BTreeSet<String>> {
    let mut map: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for t in tasks {
        map.entry(
            t.container_instance_arn()
                .expect("a placed task")
                .to_owned(),
        )
        .or_default()
        .insert(t.task_arn().expect("a task ARN").to_owned());
    }
    map
}

fn arns(tasks: &[Task]) -> BTreeSet<String> {
    tasks
        .iter()
        .map(|t| t.task_arn().expect("a task ARN").to_owned())
        .collect()
}

fn secs(t: Option<&aws_sdk_ecs::primitives::DateTime>) -> Option<f64> {
    t.map(|t| t.as_secs_f64())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_daemon_service_runs_one_task_per_host_and_leaves_a_draining_one() {
    if !docker_available() || !second_docker_available() {
        return;
    }
    let second = second_docker_host();
    let mut hosts = Hosts::start().await;
    hosts.agent("a", None);
    hosts.agent("b", Some(&second));
    let instances = hosts.instances(2).await;
    let client = hosts.server.client();
    let family = sleeper(&client, "mh-daemon").await;
    client
        .create_service()
        .service_name("daemon")
        .task_definition(&family)
        .scheduling_strategy(SchedulingStrategy::Daemon)
        .send()
        .await
        .unwrap_or_else(|e| panic!("CreateService: {e:?}"));

    let tasks = wait_stable_with(&client, "daemon", 2).await;
    let placed = by_instance(&tasks);
    for name in ["a", "b"] {
        assert_eq!(
            placed.get(&instances[name]).map(BTreeSet::len),
            Some(1),
            "one daemon task on {name}: {placed:?}"
        );
    }
    // Each host's daemon runs exactly its own task's container, and the other daemon has
    // nothing of that host.
    for (name, host, other) in [
        ("a", None, Some(second.as_str())),
        ("b", Some(second.as_str()), None),
    ] {
        let here = running_containers(host, &instances[name]);
        let tasks_here: BTreeSet<String> = here.iter().map(|(_, t)| t.clone()).collect();
        assert_eq!(here.len(), 1, "containers of {name}: {here:?}");
        assert_eq!(&tasks_here, &placed[&instances[name]], "host {name}");
        assert!(
            running_containers(other, &instances[name]).is_empty(),
            "{name}'s container leaked to the other daemon"
        );
    }

    // A third host joins (on the default daemon, as its own instance): the daemon
    // follows it, and the first two keep their tasks.
    hosts.agent("c", None);
    let instances = hosts.instances(3).await;
    let tasks = wait_stable_with(&client, "daemon", 3).await;
    let placed3 = by_instance(&tasks);
    assert_eq!(placed3.len(), 3, "one task per instance: {placed3:?}");
    assert!(placed3.values().all(|t| t.len() == 1), "{placed3:?}");
    for name in ["a", "b"] {
        assert_eq!(
            placed3[&instances[name]], placed[&instances[name]],
            "{name}'s task was replaced"
        );
    }
    let on_c = running_containers(None, &instances["c"]);
    assert_eq!(on_c.len(), 1, "containers of c: {on_c:?}");
    let c_task = on_c[0].1.clone();
    assert!(placed3[&instances["c"]].contains(&c_task));

    // c drains: its daemon task stops, and nothing takes its place anywhere.
    client
        .update_container_instances_state()
        .container_instances(&instances["c"])
        .status(ContainerInstanceStatus::Draining)
        .send()
        .await
        .unwrap_or_else(|e| panic!("UpdateContainerInstancesState: {e:?}"));
    let stopped = wait_for("c's daemon task to be STOPPED", CONVERGE, || async {
        let t = describe_tasks(&client, std::slice::from_ref(&c_task))
            .await?
            .pop()?;
        (t.last_status() == Some("STOPPED")).then_some(t)
    })
    .await;
    assert_eq!(
        stopped.stop_code().map(|c| c.as_str()),
        Some("ServiceSchedulerInitiated")
    );
    wait_for("c's container to stop", CONVERGE, || async {
        running_containers(None, &instances["c"])
            .is_empty()
            .then_some(())
    })
    .await;
    let tasks = wait_stable_with(&client, "daemon", 2).await;
    assert_eq!(by_instance(&tasks), placed, "the drained task was replaced");
    // Nothing may be started in the drained task's place for a while: the scheduler
    // runs every second, so a few seconds give it several chances to get this wrong.
    let until = Instant::now() + Duration::from_secs(4);
    while Instant::now() < until {
        let live = live_tasks(&client, "daemon").await.expect("ListTasks");
        assert_eq!(
            by_instance(&live),
            placed,
            "a task appeared after the drain"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    for (name, host) in [("a", None), ("b", Some(second.as_str()))] {
        assert_eq!(
            running_containers(host, &instances[name]).len(),
            1,
            "{name}"
        );
    }
    assert!(running_containers(None, &instances["c"]).is_empty());
}

/// What the draining sampler saw.
#[derive(Debug, Default)]
struct Samples {
    count: usize,
    min_healthy: usize,
    max_live: usize,
}

/// Samples the service until `done`: how many of its tasks are RUNNING and not asked to
/// stop (the rollout's "healthy"), and how many are not yet STOPPED. One sample is
/// ListTasks, DescribeTasks of every task seen so far, and ListTasks again; a sample whose
/// second listing names a task the description missed raced a start and is dropped, so
/// a healthy task is never missed.
async fn sample(client: aws_sdk_ecs::Client, service: String, done: Arc<AtomicBool>) -> Samples {
    let mut known: BTreeSet<String> = BTreeSet::new();
    let mut samples = Samples {
        min_healthy: usize::MAX,
        ..Samples::default()
    };
    while !done.load(Ordering::SeqCst) {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let Some(before) = list_service_tasks(&client, &service, DesiredStatus::Running).await
        else {
            continue;
        };
        known.extend(before);
        let asked: Vec<String> = known.iter().cloned().collect();
        let Some(tasks) = describe_tasks(&client, &asked).await else {
            continue;
        };
        let Some(after) = list_service_tasks(&client, &service, DesiredStatus::Running).await
        else {
            continue;
        };
        if after.iter().any(|a| !known.contains(a)) {
            continue;
        }
        let healthy = tasks
            .iter()
            .filter(|t| t.last_status() == Some("RUNNING") && t.desired_status() == Some("RUNNING"))
            .count();
        let live = tasks
            .iter()
            .filter(|t| t.last_status() != Some("STOPPED"))
            .count();
        samples.count += 1;
        samples.min_healthy = samples.min_healthy.min(healthy);
        samples.max_live = samples.max_live.max(live);
    }
    samples
}

#[tokio::test(flavor = "multi_thread")]
async fn draining_a_host_replaces_its_service_tasks_before_stopping_them() {
    if !docker_available() || !second_docker_available() {
        return;
    }
    let second = second_docker_host();
    let mut hosts = Hosts::start().await;
    hosts.agent("a", None);
    hosts.agent("b", Some(&second));
    let instances = hosts.instances(2).await;
    let client = hosts.server.client();
    let family = sleeper(&client, "mh-drain").await;
    create_replica(&client, "web", &family, 4).await;
    let before = wait_stable_with(&client, "web", 4).await;
    let placed = by_instance(&before);
    assert_eq!(
        placed.get(&instances["a"]).map(BTreeSet::len),
        Some(2),
        "{placed:?}"
    );
    assert_eq!(
        placed.get(&instances["b"]).map(BTreeSet::len),
        Some(2),
        "{placed:?}"
    );
    let on_b = placed[&instances["b"]].clone();

    let done = Arc::new(AtomicBool::new(false));
    let sampler = tokio::spawn(sample(client.clone(), "web".into(), done.clone()));
    client
        .update_container_instances_state()
        .container_instances(&instances["b"])
        .status(ContainerInstanceStatus::Draining)
        .send()
        .await
        .unwrap_or_else(|e| panic!("UpdateContainerInstancesState: {e:?}"));

    // Right after the call the service may still look stable with its old tasks: wait
    // for it to be stable again with every task on the ACTIVE host.
    let a = instances["a"].clone();
    let after = wait_stable_where(&client, "web", 4, "all on the ACTIVE host", |tasks| {
        tasks
            .iter()
            .all(|t| t.container_instance_arn() == Some(a.as_str()))
    })
    .await;
    let b_asked: Vec<String> = on_b.iter().cloned().collect();
    let drained = wait_for("b's tasks to be STOPPED", CONVERGE, || async {
        let tasks = describe_tasks(&client, &b_asked).await?;
        tasks
            .iter()
            .all(|t| t.last_status() == Some("STOPPED"))
            .then_some(tasks)
    })
    .await;
    wait_for(
        "the drained daemon to run no service containers",
        CONVERGE,
        || async {
            running_containers(Some(&second), &instances["b"])
                .is_empty()
                .then_some(())
        },
    )
    .await;
    done.store(true, Ordering::SeqCst);
    let samples = sampler.await.expect("the sampler");
    println!("draining b: {samples:?}");

    // minimumHealthyPercent 100 of 4: never fewer than 4 healthy; maximumPercent 200:
    // never more than 8 not yet STOPPED.
    assert!(samples.count >= 5, "too few samples: {samples:?}");
    assert!(samples.min_healthy >= 4, "below the minimum: {samples:?}");
    assert!(samples.max_live <= 8, "above the maximum: {samples:?}");

    // Replaced first, then stopped: when the k-th drained task was asked to stop, at
    // least k replacements had started (the server saw them RUNNING after their start).
    let replacements: Vec<f64> = {
        let mut started: Vec<f64> = after
            .iter()
            .filter(|t| !placed[&instances["a"]].contains(t.task_arn().unwrap_or_default()))
            .filter_map(|t| secs(t.started_at()))
            .collect();
        started.sort_by(f64::total_cmp);
        started
    };
    assert_eq!(replacements.len(), 2, "{after:?}");
    let mut stops: Vec<f64> = drained
        .iter()
        .map(|t| {
            assert_eq!(
                t.stop_code().map(|c| c.as_str()),
                Some("ServiceSchedulerInitiated"),
                "{t:?}"
            );
            assert!(
                t.stopped_reason().unwrap_or_default().contains("DRAINING"),
                "{:?}",
                t.stopped_reason()
            );
            secs(t.stopping_at()).expect("stoppingAt")
        })
        .collect();
    stops.sort_by(f64::total_cmp);
    for (k, stop) in stops.iter().enumerate() {
        let started_before = replacements.iter().filter(|s| *s <= stop).count();
        assert!(
            started_before > k,
            "drained task {k} was asked to stop at {stop} with only {started_before} replacements started: {replacements:?}"
        );
    }
    // The ACTIVE host's daemon runs exactly the service's four tasks.
    let on_a: BTreeSet<String> = running_containers(None, &instances["a"])
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    assert_eq!(on_a, arns(&after));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_host_killed_with_sigkill_has_its_service_tasks_replaced_on_the_survivor() {
    if !docker_available() || !second_docker_available() {
        return;
    }
    let second = second_docker_host();
    let mut hosts = Hosts::start().await;
    hosts.agent("a", None);
    hosts.agent("b", Some(&second));
    let instances = hosts.instances(2).await;
    let client = hosts.server.client();
    let family = sleeper(&client, "mh-lost").await;
    create_replica(&client, "web", &family, 4).await;
    let before = wait_stable_with(&client, "web", 4).await;
    let placed = by_instance(&before);
    assert_eq!(
        placed.get(&instances["b"]).map(BTreeSet::len),
        Some(2),
        "{placed:?}"
    );
    let on_a = placed[&instances["a"]].clone();
    let on_b: Vec<String> = placed[&instances["b"]].iter().cloned().collect();

    hosts.kill_agent("b");
    let killed = Instant::now();
    let lost = wait_for("the lost host's tasks to be STOPPED", CONVERGE, || async {
        let tasks = describe_tasks(&client, &on_b).await?;
        tasks
            .iter()
            .all(|t| t.last_status() == Some("STOPPED"))
            .then_some(tasks)
    })
    .await;
    let lost_after = killed.elapsed();
    for t in &lost {
        assert_eq!(
            t.stop_code().map(|c| c.as_str()),
            Some("TerminationNotice"),
            "{t:?}"
        );
        assert!(
            t.stopped_reason()
                .unwrap_or_default()
                .starts_with("Host lost"),
            "{:?}",
            t.stopped_reason()
        );
    }
    let a = instances["a"].clone();
    let after = wait_stable_where(&client, "web", 4, "all on the survivor", |tasks| {
        tasks
            .iter()
            .all(|t| t.container_instance_arn() == Some(a.as_str()))
    })
    .await;
    let replaced_after = killed.elapsed();
    println!(
        "kill -9 of a host's agent (TTL {AGENT_TTL_SECS}s): its 2 service tasks STOPPED after {lost_after:.2?}, service stable with 4 on the survivor after {replaced_after:.2?}"
    );
    let placed_after = by_instance(&after);
    assert_eq!(
        placed_after.keys().collect::<Vec<_>>(),
        [&instances["a"]],
        "every task on the survivor: {placed_after:?}"
    );
    // The survivor kept its own two tasks and got two new ones.
    assert!(
        on_a.is_subset(&placed_after[&instances["a"]]),
        "{on_a:?} {placed_after:?}"
    );
    let on_a_daemon: BTreeSet<String> = running_containers(None, &instances["a"])
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    assert_eq!(on_a_daemon, arns(&after), "the survivor's containers");
    let service = describe_service(&client, "web").await.expect("the service");
    let events: Vec<&str> = service
        .events()
        .iter()
        .filter_map(|e| e.message())
        .collect();
    assert!(
        events
            .iter()
            .any(|m| m.starts_with("(service web) has started 2 tasks:")),
        "{events:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_killed_mid_deployment_finishes_it_with_no_duplicate_or_orphan() {
    if !docker_available() || !second_docker_available() {
        return;
    }
    let second = second_docker_host();
    let mut hosts = Hosts::start().await;
    hosts.agent("a", None);
    hosts.agent("b", Some(&second));
    let instances = hosts.instances(2).await;
    let client = hosts.server.client();
    let v1 = sleeper(&client, "mh-roll").await;
    create_replica(&client, "web", &v1, 4).await;
    let old = wait_stable_with(&client, "web", 4).await;

    // Revision 2 turns HEALTHY only some 10 s after it starts (its health check passes
    // from 8 s on, probed every 5 s; five failures in a row would be needed to make it
    // UNHEALTHY), so the rollout is surely in progress, with new tasks RUNNING and old
    // ones still there, when the server is killed. (The image has no /tmp.)
    let health = HealthCheck::builder()
        .command("CMD-SHELL")
        .command("test -e /ready")
        .interval(5)
        .timeout(2)
        .retries(5)
        .start_period(0)
        .build()
        .expect("a health check");
    let v2 = register(
        &client,
        "mh-roll",
        vec![
            shell_container("main", 16, "sleep 8; touch /ready; exec sleep 3600")
                .health_check(health)
                .build(),
        ],
    )
    .await;
    assert!(v2.ends_with(":2"), "{v2}");
    client
        .update_service()
        .service("web")
        .task_definition(&v2)
        .send()
        .await
        .unwrap_or_else(|e| panic!("UpdateService: {e:?}"));
    let mid = wait_for("new tasks RUNNING mid-rollout", CONVERGE, || async {
        let service = describe_service(&client, "web").await?;
        let primary = service.deployments().first()?.clone();
        (primary.task_definition() == Some(v2.as_str()) && primary.running_count() >= 1)
            .then_some(service)
    })
    .await;
    let primary = mid.deployments()[0].clone();
    assert_eq!(
        primary.rollout_state(),
        Some(&DeploymentRolloutState::InProgress),
        "the rollout must still be going when the server is killed: {mid:?}"
    );
    assert_eq!(mid.deployments().len(), 2, "{mid:?}");
    println!(
        "killing the server mid-rollout: {} new RUNNING, {} old RUNNING",
        primary.running_count(),
        mid.deployments()[1].running_count()
    );
    hosts.server.crash_and_restart().await;
    let client = hosts.server.client();

    let done = wait_service(
        &client,
        "web",
        "the deployment to complete",
        |service| async {
            let d = service.deployments().first()?;
            (is_stable(&service)
                && d.id() == primary.id()
                && d.rollout_state() == Some(&DeploymentRolloutState::Completed))
            .then_some(service)
        },
    )
    .await;
    assert_eq!(done.running_count(), 4);
    let tasks = wait_stable_with(&client, "web", 4).await;
    for t in &tasks {
        assert_eq!(t.task_definition_arn(), Some(v2.as_str()), "{t:?}");
        assert_eq!(t.started_by(), primary.id(), "{t:?}");
    }
    let new: BTreeSet<String> = arns(&tasks);

    // Across both daemons, exactly the four new tasks' containers run, one each.
    let running: Vec<String> = wait_for(
        "only the new tasks' containers to run",
        CONVERGE,
        || async {
            let running: Vec<String> = [("a", None), ("b", Some(second.as_str()))]
                .into_iter()
                .flat_map(|(name, host)| running_containers(host, &instances[name]))
                .map(|(_, t)| t)
                .collect();
            (running.len() == 4).then_some(running)
        },
    )
    .await;
    let distinct: BTreeSet<String> = running.iter().cloned().collect();
    assert_eq!(
        distinct.len(),
        running.len(),
        "a duplicated task: {running:?}"
    );
    assert_eq!(distinct, new, "containers vs. tasks");

    // Every task the service ever had is known: the old ones STOPPED, none lost.
    let stopped = list_service_tasks(&client, "web", DesiredStatus::Stopped)
        .await
        .expect("ListTasks STOPPED");
    let all: Vec<String> = new.iter().cloned().chain(stopped.iter().cloned()).collect();
    let described = describe_tasks(&client, &all).await.expect("DescribeTasks");
    assert_eq!(described.len(), all.len());
    for t in described
        .iter()
        .filter(|t| !new.contains(t.task_arn().unwrap_or_default()))
    {
        assert_eq!(t.last_status(), Some("STOPPED"), "{t:?}");
    }
    let old_arns = arns(&old);
    let stopped_set: BTreeSet<String> = stopped.into_iter().collect();
    assert!(
        old_arns.is_subset(&stopped_set),
        "every old task is STOPPED and listed: {old_arns:?} {stopped_set:?}"
    );
    // Every container any instance ever made belongs to a task the server knows.
    let known: BTreeSet<String> = all.into_iter().collect();
    for (name, host) in [("a", None), ("b", Some(second.as_str()))] {
        let format = format!("{{{{.Label \"{}\"}}}}", labels::TASK_ARN);
        let every = docker_on(
            host,
            &[
                "ps",
                "-a",
                "--filter",
                &format!("label={}={}", labels::INSTANCE_ARN, instances[name]),
                "--format",
                &format,
            ],
        );
        for task in every.lines() {
            assert!(
                known.contains(task),
                "an orphan container on {name}: {task}"
            );
        }
    }
}
