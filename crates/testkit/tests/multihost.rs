//! Multi-host end-to-end tests: a `berth server` process and several `berth agent`
//! processes over the Docker runtime, driven through `aws-sdk-ecs` trusting the server's
//! CA, with real containers.
//!
//! One test runs two agents each on its own dockerd (the default one, and the second one
//! `scripts/second-dockerd.sh` starts with its own data root, exec root, socket and
//! bridge), so that one host's containers really are apart from the other's; it checks
//! with `docker ps` on each daemon where each task's container lives. The others share the
//! default dockerd between agents, each its own container instance: binpack filling one
//! host first, distinctInstance, memberOf with the cluster query language, draining and
//! deregistration.
//!
//! The tests need `target/debug/berth` (`cargo build -p berth`) and Docker; without Docker
//! (or, for the two-daemon test, without the second daemon's socket) they skip, unless
//! `BERTH_REQUIRE_DOCKER` is set, when they fail. Agents are killed, and their containers
//! removed from both daemons, on drop, also when a test panics.

mod multihost_support;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use aws_sdk_ecs::types::{
    Attribute, ContainerInstanceStatus, PlacementConstraint, PlacementConstraintType,
    PlacementStrategy, PlacementStrategyType, Task,
};
use berth_testkit::fixtures::{register, shell_container};
use berth_testkit::{docker_available, wait_for};
use multihost_support::{
    connected_instances, docker_on, remove_instance_containers_everywhere, second_docker_available,
    second_docker_host, Proc, ServerProc, TIMEOUT,
};

/// The zone attribute ECS sets on container instances, so that `spread` and `memberOf`
/// expressions read as they do on AWS.
const ZONE: &str = "ecs.availability-zone";

/// IDs of the running containers of one daemon.
fn running_ids(host: Option<&str>) -> Vec<String> {
    docker_on(host, &["ps", "-q", "--no-trunc"])
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// One server and its agents. On drop, the agents are killed first (so that none starts
/// a container again), then every container that any instance of this server labelled is
/// removed from both daemons.
struct Hosts {
    server: ServerProc,
    agents: HashMap<String, Proc>,
    token: String,
    /// Every container instance seen, whose containers the drop removes.
    instance_arns: std::sync::Mutex<Vec<String>>,
    // Last, so that the server's data directory outlives the processes using it.
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
            instance_arns: std::sync::Mutex::default(),
            _root: root,
        }
    }

    /// Starts a Docker agent called `name` in `zone`, on `docker_host` (default: the
    /// default daemon), joining with the reusable token when `join` is set.
    async fn agent(&mut self, name: &str, zone: &str, docker_host: Option<&str>, join: bool) {
        let attributes = [format!("{ZONE}={zone}")];
        let token = join.then_some(self.token.as_str());
        if let Some(mut old) = self.agents.remove(name) {
            // The server lists an instance as soon as it registers it, a moment before
            // its agent has stored the identity; the replacement must find it stored.
            let identity = self.server.agent_dir(name).join("identity.json");
            let deadline = Instant::now() + TIMEOUT;
            while !identity.exists() {
                assert!(
                    Instant::now() < deadline,
                    "{name} never stored its identity: {}",
                    old.log()
                );
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            // One agent per data directory at a time.
            old.kill();
        }
        let proc = self
            .server
            .agent_with(name, "docker", &attributes, docker_host, token);
        self.agents.insert(name.to_owned(), proc);
    }

    /// The connected container instances by zone, once there are `n` of them.
    async fn instances_by_zone(&self, n: usize) -> HashMap<String, String> {
        let client = self.server.client();
        let instances = connected_instances(&client, n).await;
        self.instance_arns
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend(
                instances
                    .iter()
                    .filter_map(|i| i.container_instance_arn().map(str::to_owned)),
            );
        instances
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
            .collect()
    }
}

impl Drop for Hosts {
    fn drop(&mut self) {
        for agent in self.agents.values_mut() {
            agent.kill();
        }
        let arns =
            std::mem::take(&mut *self.instance_arns.lock().unwrap_or_else(|e| e.into_inner()));
        remove_instance_containers_everywhere(&arns);
    }
}

/// RunTask of `count` tasks with these placement rules; returns the tasks and the
/// failures' reasons.
async fn run_tasks(
    client: &aws_sdk_ecs::Client,
    task_definition: &str,
    count: i32,
    strategy: Vec<PlacementStrategy>,
    constraints: Vec<PlacementConstraint>,
) -> (Vec<Task>, Vec<String>) {
    let out = client
        .run_task()
        .task_definition(task_definition)
        .count(count)
        .set_placement_strategy(Some(strategy))
        .set_placement_constraints(Some(constraints))
        .send()
        .await
        .unwrap_or_else(|e| panic!("RunTask: {e:?}"));
    let reasons = out
        .failures()
        .iter()
        .map(|f| f.reason().unwrap_or_default().to_owned())
        .collect();
    (out.tasks().to_vec(), reasons)
}

/// Waits until every task is RUNNING and returns them as described then.
async fn all_running(client: &aws_sdk_ecs::Client, tasks: &[Task]) -> Vec<Task> {
    let arns: Vec<String> = tasks
        .iter()
        .filter_map(|t| t.task_arn().map(str::to_owned))
        .collect();
    wait_for(
        &format!("{} tasks to be RUNNING", arns.len()),
        TIMEOUT,
        || async {
            let out = client
                .describe_tasks()
                .set_tasks(Some(arns.clone()))
                .send()
                .await
                .ok()?;
            let tasks = out.tasks().to_vec();
            (tasks.len() == arns.len() && tasks.iter().all(|t| t.last_status() == Some("RUNNING")))
                .then_some(tasks)
        },
    )
    .await
}

/// How many of the tasks each container instance holds.
fn per_instance(tasks: &[Task]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for task in tasks {
        let arn = task
            .container_instance_arn()
            .expect("a placed task")
            .to_owned();
        *counts.entry(arn).or_default() += 1;
    }
    counts
}

fn strategy(kind: PlacementStrategyType, field: &str) -> PlacementStrategy {
    PlacementStrategy::builder()
        .r#type(kind)
        .field(field)
        .build()
}

async fn sleeper(client: &aws_sdk_ecs::Client, family: &str) -> String {
    register(
        client,
        family,
        vec![shell_container("main", 16, "sleep 3600").build()],
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn two_dockerds_spread_tasks_across_zones_and_keep_containers_apart() {
    if !docker_available() || !second_docker_available() {
        return;
    }
    let second = second_docker_host();
    let mut hosts = Hosts::start().await;
    hosts.agent("agent-a", "zone-a", None, true).await;
    hosts.agent("agent-b", "zone-b", Some(&second), true).await;
    let zones = hosts.instances_by_zone(2).await;
    let client = hosts.server.client();
    let family = sleeper(&client, "multihost-spread").await;

    let (tasks, failures) = run_tasks(
        &client,
        &family,
        4,
        vec![strategy(
            PlacementStrategyType::Spread,
            &format!("attribute:{ZONE}"),
        )],
        Vec::new(),
    )
    .await;
    assert!(failures.is_empty(), "{failures:?}");
    let tasks = all_running(&client, &tasks).await;
    let counts = per_instance(&tasks);
    assert_eq!(counts.get(&zones["zone-a"]), Some(&2), "{counts:?}");
    assert_eq!(counts.get(&zones["zone-b"]), Some(&2), "{counts:?}");

    // Each task's container runs on its own host's daemon, and the other cannot see it.
    let on_default = running_ids(None);
    let on_second = running_ids(Some(&second));
    for task in &tasks {
        let id = task.containers()[0].runtime_id().expect("a runtime ID");
        let in_a = task.container_instance_arn() == Some(zones["zone-a"].as_str());
        let (mine, other) = if in_a {
            (&on_default, &on_second)
        } else {
            (&on_second, &on_default)
        };
        assert!(
            mine.iter().any(|c| c == id),
            "{id} is not running on its host's daemon"
        );
        assert!(
            !other.iter().any(|c| c == id),
            "{id} is visible on the other daemon"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn binpack_on_memory_fills_one_host_first() {
    if !docker_available() {
        return;
    }
    let mut hosts = Hosts::start().await;
    for (name, zone) in [
        ("agent-1", "zone-a"),
        ("agent-2", "zone-b"),
        ("agent-3", "zone-c"),
    ] {
        hosts.agent(name, zone, None, true).await;
    }
    hosts.instances_by_zone(3).await;
    let client = hosts.server.client();
    let family = sleeper(&client, "multihost-binpack").await;

    // Every host advertises the same memory: the first task picks one, and from then on
    // it is the host with the least memory left, so binpack keeps filling it.
    let (tasks, failures) = run_tasks(
        &client,
        &family,
        3,
        vec![strategy(PlacementStrategyType::Binpack, "memory")],
        Vec::new(),
    )
    .await;
    assert!(failures.is_empty(), "{failures:?}");
    let counts = per_instance(&all_running(&client, &tasks).await);
    assert_eq!(counts.len(), 1, "binpack spread the tasks: {counts:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn distinct_instance_and_member_of_place_by_instance_and_attribute() {
    if !docker_available() {
        return;
    }
    let mut hosts = Hosts::start().await;
    for (name, zone) in [
        ("agent-a", "zone-a"),
        ("agent-b", "zone-b"),
        ("agent-c", "zone-c"),
    ] {
        hosts.agent(name, zone, None, true).await;
    }
    let zones = hosts.instances_by_zone(3).await;
    let client = hosts.server.client();
    let family = sleeper(&client, "multihost-constraints").await;

    // distinctInstance: four tasks on three instances, one each, the fourth refused.
    let distinct = PlacementConstraint::builder()
        .r#type(PlacementConstraintType::DistinctInstance)
        .build();
    let (tasks, failures) = run_tasks(&client, &family, 4, Vec::new(), vec![distinct]).await;
    assert_eq!(tasks.len(), 3, "{tasks:?}");
    assert!(
        !failures.is_empty()
            && failures
                .iter()
                .all(|r| r == "DistinctInstance placement constraint unsatisfied"),
        "{failures:?}"
    );
    let counts = per_instance(&all_running(&client, &tasks).await);
    assert_eq!(counts.len(), 3, "{counts:?}");

    // memberOf with the query language: zones a or b, and a custom attribute only a
    // and c carry, leaves zone a alone.
    for zone in ["zone-a", "zone-c"] {
        client
            .put_attributes()
            .attributes(
                Attribute::builder()
                    .name("stack")
                    .value("prod")
                    .target_id(&zones[zone])
                    .build()
                    .expect("an attribute"),
            )
            .send()
            .await
            .unwrap_or_else(|e| panic!("PutAttributes: {e:?}"));
    }
    let member_of = PlacementConstraint::builder()
        .r#type(PlacementConstraintType::MemberOf)
        .expression(format!(
            "attribute:{ZONE} in [zone-a, zone-b] and attribute:stack == prod"
        ))
        .build();
    let (tasks, failures) = run_tasks(&client, &family, 2, Vec::new(), vec![member_of]).await;
    assert!(failures.is_empty(), "{failures:?}");
    let counts = per_instance(&all_running(&client, &tasks).await);
    assert_eq!(counts.get(&zones["zone-a"]), Some(&2), "{counts:?}");
    assert_eq!(counts.len(), 1, "{counts:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn draining_and_deregistration_take_a_host_out() {
    if !docker_available() {
        return;
    }
    let mut hosts = Hosts::start().await;
    hosts.agent("agent-a", "zone-a", None, true).await;
    hosts.agent("agent-b", "zone-b", None, true).await;
    hosts.instances_by_zone(2).await;
    // Agent a again without its join token: once its instance is deregistered it has
    // no way back in, and must stop.
    hosts.agent("agent-a", "zone-a", None, false).await;
    let zones = hosts.instances_by_zone(2).await;
    let client = hosts.server.client();
    let family = sleeper(&client, "multihost-drain").await;

    client
        .update_container_instances_state()
        .container_instances(&zones["zone-a"])
        .status(ContainerInstanceStatus::Draining)
        .send()
        .await
        .unwrap_or_else(|e| panic!("UpdateContainerInstancesState: {e:?}"));
    let (tasks, failures) = run_tasks(
        &client,
        &family,
        2,
        vec![strategy(
            PlacementStrategyType::Spread,
            &format!("attribute:{ZONE}"),
        )],
        Vec::new(),
    )
    .await;
    assert!(failures.is_empty(), "{failures:?}");
    let counts = per_instance(&all_running(&client, &tasks).await);
    assert_eq!(
        counts.get(&zones["zone-b"]),
        Some(&2),
        "a DRAINING host got tasks: {counts:?}"
    );

    // Deregistering the idle, drained host: it leaves the cluster and its agent, refused,
    // exits.
    client
        .deregister_container_instance()
        .container_instance(&zones["zone-a"])
        .send()
        .await
        .unwrap_or_else(|e| panic!("DeregisterContainerInstance: {e:?}"));
    let listed = client
        .list_container_instances()
        .send()
        .await
        .unwrap_or_else(|e| panic!("ListContainerInstances: {e:?}"));
    assert_eq!(listed.container_instance_arns(), [zones["zone-b"].clone()]);
    let agent = hosts.agents.get_mut("agent-a").expect("agent a");
    let status = agent.exited().await;
    assert!(!status.success(), "{}", agent.log());
    assert!(
        agent.log().contains("rejected the agent's credential"),
        "{}",
        agent.log()
    );

    let (tasks, failures) = run_tasks(&client, &family, 1, Vec::new(), Vec::new()).await;
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(
        tasks[0].container_instance_arn(),
        Some(zones["zone-b"].as_str())
    );
}
