//! End-to-end tests of ECS services on real Docker containers on one host, driven only
//! through the ECS API (`aws-sdk-ecs`) of a real server with a real Docker agent, and
//! checked against what Docker itself runs (`docker ps` by berth's container labels).
//!
//! Covered: a service reaching a steady state; scaling out and in; a killed container
//! replaced; rolling deployments whose `minimumHealthyPercent`/`maximumPercent` bounds
//! are sampled continuously while they run; the deployment circuit breaker with and
//! without rollback; and deleting a service.
//!
//! Each test runs its own cluster, and a [`DockerCleanup`] guard removes every container
//! of its instance, even when the test fails. Containers run a shell that exits at once
//! on SIGTERM, so that the tasks a service stops are STOPPED within about a second.

use std::collections::{BTreeSet, HashSet};
use std::time::{Duration, Instant};

use aws_sdk_ecs::error::ProvideErrorMetadata;
use aws_sdk_ecs::types::{
    ContainerDefinition, DeploymentCircuitBreaker, DeploymentConfiguration, DeploymentRolloutState,
    DesiredStatus, KeyValuePair, Service, ServiceDeploymentRollbackMonitorsStatus,
    ServiceDeploymentStatus, Task, TaskStopCode,
};
use berth_api::protocol::labels;
use berth_testkit::fixtures::{register, runtime_id, shell_container};
use berth_testkit::{docker, docker_available, wait_for, DockerCleanup, TestCluster};

/// How long a service gets to become stable or finish a rollout on a loaded machine.
const TIMEOUT: Duration = Duration::from_secs(120);
/// How often the rollout samplers look.
const SAMPLE_EVERY: Duration = Duration::from_millis(150);
/// A long-running container that exits at once on SIGTERM: `wait` returns as soon as a
/// signal arrives, whereas a foreground `sleep` would delay the trap until it ends.
const TRAP: &str = "trap 'exit 0' TERM; while true; do sleep 1 & wait $!; done";

/// A cluster with a Docker agent, a guard that removes its instance's containers, and the
/// instance's ARN (which labels every container of this test).
async fn docker_cluster() -> (TestCluster, DockerCleanup, String) {
    let cluster = TestCluster::with_docker_agent().await;
    let instances = cluster.wait_for_instances(1).await;
    let instance = instances[0].clone();
    (cluster, DockerCleanup::new(instances), instance)
}

/// Stops the agent (and server) before the guard removes the containers, so that the
/// agent cannot create a removed task container again behind the guard's back.
async fn finish(mut cluster: TestCluster, cleanup: DockerCleanup) {
    cluster.stop().await;
    drop(cleanup);
}

/// Registers a revision of `family` whose one container `app` runs `script`; `marker`
/// goes into its environment so that each revision is distinguishable in Docker too.
async fn register_app(cluster: &TestCluster, family: &str, marker: &str, script: &str) -> String {
    let app = shell_container("app", 16, script)
        .environment(KeyValuePair::builder().name("MARKER").value(marker).build())
        .build();
    register(&cluster.client, family, vec![app]).await
}

async fn create_service(
    cluster: &TestCluster,
    name: &str,
    task_definition: &str,
    desired: i32,
    config: Option<DeploymentConfiguration>,
) -> Service {
    cluster
        .client
        .create_service()
        .service_name(name)
        .task_definition(task_definition)
        .desired_count(desired)
        .set_deployment_configuration(config)
        .send()
        .await
        .unwrap_or_else(|e| panic!("creating service {name}: {e:?}"))
        .service
        .expect("a service")
}

async fn describe_service(cluster: &TestCluster, name: &str) -> Service {
    let out = cluster
        .client
        .describe_services()
        .services(name)
        .send()
        .await
        .unwrap_or_else(|e| panic!("describing service {name}: {e:?}"));
    assert!(out.failures().is_empty(), "{:?}", out.failures());
    out.services().first().cloned().expect("one service")
}

/// What `aws ecs wait services-stable` checks: exactly one deployment, and as many
/// RUNNING tasks as desired.
fn is_stable(service: &Service) -> bool {
    service.deployments().len() == 1 && service.running_count() == service.desired_count()
}

/// Polls DescribeServices until `done` holds, and returns the service it held for. On
/// timeout it panics with the service's deployments, counts and events as last seen.
async fn wait_service(
    cluster: &TestCluster,
    name: &str,
    what: &str,
    done: impl Fn(&Service) -> bool,
) -> Service {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let service = describe_service(cluster, name).await;
        if done(&service) {
            return service;
        }
        if Instant::now() > deadline {
            panic!(
                "timed out after {TIMEOUT:?} waiting for {what}: running {} pending {} \
                 desired {}, deployments {:#?}, events {:#?}",
                service.running_count(),
                service.pending_count(),
                service.desired_count(),
                service.deployments(),
                events(&service)
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn wait_stable(cluster: &TestCluster, name: &str) -> Service {
    wait_service(cluster, name, "the service to be stable", is_stable).await
}

/// The ARNs of the service's tasks whose desiredStatus is `desired`, over all pages.
async fn service_task_arns(
    cluster: &TestCluster,
    name: &str,
    desired: DesiredStatus,
) -> Vec<String> {
    let mut arns = Vec::new();
    let mut token = None;
    loop {
        let page = cluster
            .client
            .list_tasks()
            .service_name(name)
            .desired_status(desired.clone())
            .set_next_token(token)
            .send()
            .await
            .unwrap_or_else(|e| panic!("listing the tasks of {name}: {e:?}"));
        arns.extend(page.task_arns().iter().cloned());
        token = page.next_token().map(str::to_owned);
        if token.is_none() {
            return arns;
        }
    }
}

/// Every task of the service, whatever its desired status. A task moves from the
/// RUNNING to the STOPPED list but never back, so listing RUNNING first misses none.
async fn all_service_task_arns(cluster: &TestCluster, name: &str) -> BTreeSet<String> {
    let mut arns: BTreeSet<String> = service_task_arns(cluster, name, DesiredStatus::Running)
        .await
        .into_iter()
        .collect();
    arns.extend(service_task_arns(cluster, name, DesiredStatus::Stopped).await);
    arns
}

async fn describe_tasks<'a>(
    cluster: &TestCluster,
    arns: impl IntoIterator<Item = &'a String>,
) -> Vec<Task> {
    let arns: Vec<String> = arns.into_iter().cloned().collect();
    let mut tasks = Vec::new();
    for chunk in arns.chunks(100) {
        let out = cluster
            .client
            .describe_tasks()
            .set_tasks(Some(chunk.to_vec()))
            .send()
            .await
            .unwrap_or_else(|e| panic!("describing tasks: {e:?}"));
        assert!(out.failures().is_empty(), "{:?}", out.failures());
        tasks.extend(out.tasks().iter().cloned());
    }
    tasks
}

/// The service's tasks that DescribeTasks shows RUNNING and not asked to stop.
async fn running_tasks(cluster: &TestCluster, name: &str) -> Vec<Task> {
    let arns = service_task_arns(cluster, name, DesiredStatus::Running).await;
    describe_tasks(cluster, &arns)
        .await
        .into_iter()
        .filter(|t| t.last_status() == Some("RUNNING"))
        .collect()
}

/// A running container of this test's instance, as `docker ps` shows it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Running {
    task_arn: String,
    revision: String,
}

/// The running containers on `instance`, from their labels. Runs `docker` without
/// blocking the runtime, which also drives the server and the agent.
async fn running_containers(instance: &str) -> Vec<Running> {
    let format = format!(
        "{{{{.Label \"{}\"}}}} {{{{.Label \"{}\"}}}}",
        labels::TASK_ARN,
        labels::REVISION
    );
    let output = tokio::process::Command::new("docker")
        .args([
            "ps",
            "--no-trunc",
            "--filter",
            &format!("label={}={instance}", labels::INSTANCE_ARN),
            "--format",
            &format,
        ])
        .output()
        .await
        .expect("running docker ps");
    assert!(
        output.status.success(),
        "docker ps: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut running: Vec<Running> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| {
            let (task_arn, revision) = line.trim().split_once(' ')?;
            Some(Running {
                task_arn: task_arn.to_owned(),
                revision: revision.to_owned(),
            })
        })
        .collect();
    running.sort();
    running
}

/// The task ARNs of the running containers on `instance`.
async fn running_container_tasks(instance: &str) -> BTreeSet<String> {
    running_containers(instance)
        .await
        .into_iter()
        .map(|c| c.task_arn)
        .collect()
}

/// Waits until the running containers on `instance` belong to exactly `tasks`. A
/// container outlives its task's STOPPED report by nothing, but one that a stopping
/// task's report has not yet covered may linger for a moment.
async fn wait_containers_are(instance: &str, tasks: &BTreeSet<String>) {
    wait_for(
        &format!("the running containers to be those of {tasks:?}"),
        Duration::from_secs(30),
        || async move { (running_container_tasks(instance).await == *tasks).then_some(()) },
    )
    .await;
}

fn arn(task: &Task) -> String {
    task.task_arn().expect("a task ARN").to_owned()
}

fn arns(tasks: &[Task]) -> BTreeSet<String> {
    tasks.iter().map(arn).collect()
}

/// The task ID: the last part of its ARN, as events name tasks.
fn task_id(arn: &str) -> &str {
    arn.rsplit('/').next().expect("an ARN")
}

/// The revision number at the end of a task definition ARN.
fn revision_of(task_definition_arn: &str) -> &str {
    task_definition_arn
        .rsplit(':')
        .next()
        .expect("a task definition ARN")
}

fn events(service: &Service) -> Vec<String> {
    service
        .events()
        .iter()
        .filter_map(|e| e.message().map(str::to_owned))
        .collect()
}

/// The error code of a failed SDK call, or a panic if it succeeded.
fn err_code<T: std::fmt::Debug, E: ProvideErrorMetadata + std::fmt::Debug>(
    result: Result<T, E>,
) -> String {
    match result {
        Ok(value) => panic!("expected an error, got {value:?}"),
        Err(err) => err
            .code()
            .unwrap_or_else(|| panic!("no error code in {err:?}"))
            .to_owned(),
    }
}

/// Checks that the service's RUNNING tasks are `desired` many, that Docker runs exactly
/// their containers, all of `revision`, and that they are marked as the service's tasks.
/// Returns the tasks.
async fn check_runs(
    cluster: &TestCluster,
    instance: &str,
    name: &str,
    desired: usize,
    task_definition: &str,
) -> Vec<Task> {
    let tasks = running_tasks(cluster, name).await;
    assert_eq!(tasks.len(), desired, "RUNNING tasks of {name}: {tasks:?}");
    // As in ECS, a task counts as running until its agent reports it stopping, so a
    // service can be stable while the containers of the tasks it stopped still exit.
    wait_containers_are(instance, &arns(&tasks)).await;
    for task in &tasks {
        assert_eq!(task.group(), Some(&*format!("service:{name}")), "{task:?}");
        assert!(
            task.started_by().is_some_and(|s| s.starts_with("ecs-svc/")),
            "{task:?}"
        );
        assert_eq!(task.task_definition_arn(), Some(task_definition));
    }
    let containers = running_containers(instance).await;
    let in_docker: BTreeSet<String> = containers.iter().map(|c| c.task_arn.clone()).collect();
    assert_eq!(
        containers.len(),
        desired,
        "one running container per task: {containers:?}"
    );
    assert_eq!(in_docker, arns(&tasks), "docker ps and ListTasks disagree");
    let revision = revision_of(task_definition);
    assert!(
        containers.iter().all(|c| c.revision == revision),
        "containers of revision {revision} only: {containers:?}"
    );
    tasks
}

#[tokio::test]
async fn a_service_runs_its_desired_count_in_docker() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup, instance) = docker_cluster().await;
    let def = register_app(&cluster, "svc-basic", "v1", TRAP).await;
    let created = create_service(&cluster, "web", &def, 3, None).await;
    assert_eq!(created.desired_count(), 3);

    let stable = wait_stable(&cluster, "web").await;
    assert_eq!(stable.running_count(), 3);
    assert_eq!(stable.pending_count(), 0);
    let deployment = &stable.deployments()[0];
    assert_eq!(deployment.status(), Some("PRIMARY"));
    assert_eq!(deployment.running_count(), 3);

    let tasks = check_runs(&cluster, &instance, "web", 3, &def).await;
    // Every task came from the one deployment, and ECS's event names all three.
    let started = events(&describe_service(&cluster, "web").await);
    for task in &tasks {
        assert_eq!(task.started_by(), deployment.id());
        assert!(
            started
                .iter()
                .any(|m| m.starts_with("(service web) has started")
                    && m.contains(&format!("(task {})", task_id(&arn(task))))),
            "no event started {}: {started:?}",
            arn(task)
        );
    }
    finish(cluster, cleanup).await;
}

#[tokio::test]
async fn a_service_scales_out_and_in() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup, instance) = docker_cluster().await;
    let def = register_app(&cluster, "svc-scale", "v1", TRAP).await;
    create_service(&cluster, "web", &def, 3, None).await;
    wait_stable(&cluster, "web").await;
    let first = arns(&check_runs(&cluster, &instance, "web", 3, &def).await);

    let scale = |count: i32| {
        cluster
            .client
            .update_service()
            .service("web")
            .desired_count(count)
            .send()
    };
    let out = scale(5)
        .await
        .expect("scaling out")
        .service
        .expect("a service");
    assert_eq!(out.desired_count(), 5);
    assert_eq!(
        out.deployments().len(),
        1,
        "scaling makes no new deployment"
    );
    let stable = wait_stable(&cluster, "web").await;
    assert_eq!(stable.running_count(), 5);
    let five = arns(&check_runs(&cluster, &instance, "web", 5, &def).await);
    assert!(
        first.is_subset(&five),
        "scaling out keeps the running tasks"
    );

    scale(2).await.expect("scaling in");
    let stable = wait_stable(&cluster, "web").await;
    assert_eq!(stable.running_count(), 2);
    let two = arns(&check_runs(&cluster, &instance, "web", 2, &def).await);
    assert!(two.is_subset(&five), "scaling in starts nothing");

    let stopped = describe_tasks(
        &cluster,
        &service_task_arns(&cluster, "web", DesiredStatus::Stopped).await,
    )
    .await;
    assert_eq!(arns(&stopped), &five - &two, "the three scaled-in tasks");
    for task in &stopped {
        // Their containers are gone, but the agent's STOPPED report may still be on its way.
        let task = cluster
            .wait_for_task_status(&arn(task), "STOPPED", TIMEOUT)
            .await;
        assert_eq!(
            task.stop_code(),
            Some(&TaskStopCode::ServiceSchedulerInitiated),
            "{task:?}"
        );
        assert!(
            task.stopped_reason().is_some_and(
                |r| r.starts_with("Scaling activity initiated by (deployment ecs-svc/")
            ),
            "{task:?}"
        );
    }
    let messages = events(&stable);
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("(service web) has stopped 3 running tasks: (task ")),
        "{messages:?}"
    );
    // Steady again once the scaled-in tasks are STOPPED (runningCount dropped when they
    // began stopping), and said so although the last steady state was moments ago.
    wait_service(&cluster, "web", "a steady state event", |s| {
        events(s).first().map(String::as_str) == Some("(service web) has reached a steady state.")
    })
    .await;
    finish(cluster, cleanup).await;
}

#[tokio::test]
async fn a_killed_container_is_replaced() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup, instance) = docker_cluster().await;
    let def = register_app(&cluster, "svc-kill", "v1", TRAP).await;
    create_service(&cluster, "web", &def, 3, None).await;
    wait_stable(&cluster, "web").await;
    let before = check_runs(&cluster, &instance, "web", 3, &def).await;
    let victim = before[0].clone();
    let victim_arn = arn(&victim);

    docker(&["kill", &runtime_id(&victim, "app")]);

    let killed = cluster
        .wait_for_task_status(&victim_arn, "STOPPED", TIMEOUT)
        .await;
    assert_eq!(
        killed.stop_code(),
        Some(&TaskStopCode::EssentialContainerExited),
        "{killed:?}"
    );
    let app = killed
        .containers()
        .iter()
        .find(|c| c.name() == Some("app"))
        .expect("the app container");
    assert_eq!(app.exit_code(), Some(137), "SIGKILL: {app:?}");

    // Only once the killed task is STOPPED may "stable" mean it was replaced: before
    // that, it still counted as running.
    let stable = wait_stable(&cluster, "web").await;
    assert_eq!(stable.running_count(), 3);
    let after = arns(&check_runs(&cluster, &instance, "web", 3, &def).await);
    let survivors: BTreeSet<String> = arns(&before[1..]);
    assert!(
        survivors.is_subset(&after),
        "the others keep running: {after:?}"
    );
    assert!(!after.contains(&victim_arn));
    let replacement: Vec<&String> = after.difference(&survivors).collect();
    assert_eq!(replacement.len(), 1, "{after:?}");
    let replacement = replacement[0];

    let messages = events(&stable);
    let expected = format!(
        "(service web) has started 1 tasks: (task {}).",
        task_id(replacement)
    );
    assert!(messages.contains(&expected), "{expected:?} in {messages:?}");
    finish(cluster, cleanup).await;
}

/// What one rollout sample saw.
#[derive(Debug, Default)]
struct Sample {
    /// RUNNING and not asked to stop: the tasks `minimumHealthyPercent` protects.
    healthy: usize,
    /// Not yet STOPPED: the tasks `maximumPercent` limits.
    live: usize,
    /// The task definitions of the live tasks.
    definitions: BTreeSet<String>,
}

/// Samples the service's tasks in one consistent view: the task list must be the same
/// before and after DescribeTasks, or a task started in between could be missing.
async fn sample_tasks(cluster: &TestCluster, name: &str) -> Option<(Sample, Vec<Task>)> {
    let listed = all_service_task_arns(cluster, name).await;
    let tasks = describe_tasks(cluster, &listed).await;
    if all_service_task_arns(cluster, name).await != listed {
        return None;
    }
    let mut sample = Sample::default();
    for task in &tasks {
        if task.last_status() == Some("STOPPED") {
            continue;
        }
        sample.live += 1;
        sample.definitions.insert(
            task.task_definition_arn()
                .expect("a task definition")
                .to_owned(),
        );
        if task.last_status() == Some("RUNNING") && task.desired_status() == Some("RUNNING") {
            sample.healthy += 1;
        }
    }
    Some((sample, tasks))
}

/// Rolls a service of 4 tasks from one revision to the next under `minimum`/`maximum`
/// percent, sampling the API and Docker all along, and checks the bounds on every
/// sample: at least `min_healthy` healthy tasks and at most `max_live` not yet STOPPED.
async fn rolling_deployment(family: &str, minimum: i32, maximum: i32) {
    const DESIRED: usize = 4;
    let min_healthy = (DESIRED * minimum as usize).div_ceil(100);
    let max_live = DESIRED * maximum as usize / 100;

    let (cluster, cleanup, instance) = docker_cluster().await;
    let v1 = register_app(&cluster, family, "v1", TRAP).await;
    let v2 = register_app(&cluster, family, "v2", TRAP).await;
    let config = DeploymentConfiguration::builder()
        .minimum_healthy_percent(minimum)
        .maximum_percent(maximum)
        .build();
    create_service(&cluster, "web", &v1, DESIRED as i32, Some(config)).await;
    wait_stable(&cluster, "web").await;
    let old = arns(&check_runs(&cluster, &instance, "web", DESIRED, &v1).await);

    let updated = cluster
        .client
        .update_service()
        .service("web")
        .task_definition(&v2)
        .send()
        .await
        .expect("updating the service")
        .service
        .expect("a service");
    assert_eq!(updated.deployments().len(), 2, "{updated:?}");
    let new_deployment = updated.deployments()[0].id().expect("an ID").to_owned();

    let deadline = Instant::now() + TIMEOUT;
    let (mut samples, mut inconsistent, mut mixed, mut docker_samples) = (0, 0, 0, 0);
    let (mut fewest_healthy, mut most_live) = (usize::MAX, 0);
    let (mut fewest_containers, mut most_containers) = (usize::MAX, 0);
    loop {
        assert!(
            Instant::now() < deadline,
            "the rollout did not finish within {TIMEOUT:?}"
        );
        // Docker first: its count bounds hold at every instant, so it needs no
        // consistency with the API sample.
        let containers = running_containers(&instance).await.len();
        docker_samples += 1;
        fewest_containers = fewest_containers.min(containers);
        most_containers = most_containers.max(containers);
        assert!(
            (min_healthy..=max_live).contains(&containers),
            "docker runs {containers} containers, outside {min_healthy}..={max_live}"
        );

        let service = describe_service(&cluster, "web").await;
        // runningCount includes tasks still RUNNING while asked to stop, and every
        // pending task counts against the maximum, so both bounds hold for it too.
        assert!(
            service.running_count() as usize >= min_healthy,
            "runningCount {} below {min_healthy}: {service:?}",
            service.running_count()
        );
        assert!(
            (service.running_count() + service.pending_count()) as usize <= max_live,
            "running {} + pending {} above {max_live}: {service:?}",
            service.running_count(),
            service.pending_count()
        );

        let Some((sample, tasks)) = sample_tasks(&cluster, "web").await else {
            inconsistent += 1;
            tokio::time::sleep(SAMPLE_EVERY).await;
            continue;
        };
        samples += 1;
        fewest_healthy = fewest_healthy.min(sample.healthy);
        most_live = most_live.max(sample.live);
        assert!(
            sample.healthy >= min_healthy,
            "{} healthy tasks, fewer than {min_healthy}: {sample:?} {tasks:#?}",
            sample.healthy
        );
        assert!(
            sample.live <= max_live,
            "{} tasks not STOPPED, more than {max_live}: {sample:?} {tasks:#?}",
            sample.live
        );
        if sample.definitions.len() > 1 {
            mixed += 1;
        }

        let done = is_stable(&service)
            && service.deployments()[0].id() == Some(&*new_deployment)
            && service.deployments()[0].rollout_state() == Some(&DeploymentRolloutState::Completed)
            && sample.live == DESIRED
            && sample.definitions == BTreeSet::from([v2.clone()]);
        if done {
            break;
        }
        tokio::time::sleep(SAMPLE_EVERY).await;
    }
    eprintln!(
        "rollout {minimum}/{maximum}: {samples} samples ({inconsistent} inconsistent, {mixed} \
         with both revisions), healthy >= {fewest_healthy}, live <= {most_live}; \
         docker {docker_samples} samples, {fewest_containers}..={most_containers} containers"
    );
    // A sampler that never saw the rollout in progress proved nothing about its bounds.
    assert!(
        mixed > 0,
        "no sample saw both revisions at once ({samples} samples)"
    );

    let new = arns(&check_runs(&cluster, &instance, "web", DESIRED, &v2).await);
    assert!(new.is_disjoint(&old), "every task was replaced");
    let stopped = describe_tasks(&cluster, &old).await;
    for task in &stopped {
        assert_eq!(task.last_status(), Some("STOPPED"), "{task:?}");
        assert_eq!(
            task.stop_code(),
            Some(&TaskStopCode::ServiceSchedulerInitiated),
            "{task:?}"
        );
    }
    let service = describe_service(&cluster, "web").await;
    let messages = events(&service);
    let completed = format!("(service web) (deployment {new_deployment}) deployment completed.");
    assert!(
        messages.contains(&completed),
        "{completed:?} in {messages:?}"
    );
    finish(cluster, cleanup).await;
}

#[tokio::test]
async fn rolling_deployment_100_200_keeps_its_bounds() {
    if !docker_available() {
        return;
    }
    rolling_deployment("svc-roll-100-200", 100, 200).await;
}

#[tokio::test]
async fn rolling_deployment_50_100_keeps_its_bounds() {
    if !docker_available() {
        return;
    }
    rolling_deployment("svc-roll-50-100", 50, 100).await;
}

/// Deployment settings with the circuit breaker on, rolling back or not.
fn breaker(rollback: bool) -> DeploymentConfiguration {
    DeploymentConfiguration::builder()
        .minimum_healthy_percent(100)
        .maximum_percent(200)
        .deployment_circuit_breaker(
            DeploymentCircuitBreaker::builder()
                .enable(true)
                .rollback(rollback)
                .build(),
        )
        .build()
}

/// How the new revision of a circuit breaker test fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bad {
    /// Its container starts and exits 1 at once (it may be RUNNING for a moment).
    Exits,
    /// Its container cannot start (no such program), so no task ever gets RUNNING.
    CannotStart,
}

/// A service of two good tasks, stable, just updated to a revision that fails.
struct FailingUpdate {
    cluster: TestCluster,
    cleanup: DockerCleanup,
    instance: String,
    good: String,
    good_tasks: BTreeSet<String>,
    good_deployment: String,
    bad_deployment: String,
}

async fn failing_update(family: &str, rollback: bool, bad: Bad) -> FailingUpdate {
    let (cluster, cleanup, instance) = docker_cluster().await;
    let good = register_app(&cluster, family, "good", TRAP).await;
    let bad_container = match bad {
        Bad::Exits => shell_container("app", 16, "exit 1").build(),
        Bad::CannotStart => ContainerDefinition::builder()
            .name("app")
            .image(berth_testkit::test_image())
            .memory(16)
            .command("/bin/no-such-program")
            .build(),
    };
    let bad_definition = register(&cluster.client, family, vec![bad_container]).await;
    create_service(&cluster, "web", &good, 2, Some(breaker(rollback))).await;
    let stable = wait_stable(&cluster, "web").await;
    let good_deployment = stable.deployments()[0].id().expect("an ID").to_owned();
    let good_tasks = arns(&check_runs(&cluster, &instance, "web", 2, &good).await);

    let updated = cluster
        .client
        .update_service()
        .service("web")
        .task_definition(&bad_definition)
        .send()
        .await
        .expect("updating the service")
        .service
        .expect("a service");
    let bad_deployment = updated.deployments()[0].id().expect("an ID").to_owned();
    assert_ne!(bad_deployment, good_deployment);
    FailingUpdate {
        cluster,
        cleanup,
        instance,
        good,
        good_tasks,
        good_deployment,
        bad_deployment,
    }
}

/// The bad deployment's tasks: at least the circuit breaker's threshold (3 for two
/// desired tasks) of them STOPPED by themselves for the reason `bad` gives. Any other
/// was still starting when the breaker tripped, and the rollback stopped it.
async fn check_failed_tasks(cluster: &TestCluster, bad_deployment: &str, bad: Bad) {
    let listed = cluster
        .client
        .list_tasks()
        .started_by(bad_deployment)
        .desired_status(DesiredStatus::Stopped)
        .send()
        .await
        .expect("listing the failed tasks");
    let mut failed_by_themselves = 0;
    for arn in listed.task_arns() {
        let task = cluster.wait_for_task_status(arn, "STOPPED", TIMEOUT).await;
        if task.stop_code() == Some(&TaskStopCode::ServiceSchedulerInitiated) {
            continue;
        }
        failed_by_themselves += 1;
        match bad {
            Bad::Exits => {
                assert_eq!(
                    task.stop_code(),
                    Some(&TaskStopCode::EssentialContainerExited),
                    "{task:?}"
                );
                assert_eq!(task.containers()[0].exit_code(), Some(1), "{task:?}");
            }
            Bad::CannotStart => {
                assert_eq!(
                    task.stop_code(),
                    Some(&TaskStopCode::TaskFailedToStart),
                    "{task:?}"
                );
                assert_eq!(task.started_at(), None, "never started: {task:?}");
            }
        }
    }
    assert!(
        failed_by_themselves >= 3,
        "{failed_by_themselves} of {:?} failed by themselves",
        listed.task_arns()
    );
}

#[tokio::test]
async fn circuit_breaker_rolls_back_a_failing_deployment() {
    if !docker_available() {
        return;
    }
    let FailingUpdate {
        cluster,
        cleanup,
        instance,
        good,
        good_deployment,
        bad_deployment,
        ..
    } = failing_update("svc-breaker", true, Bad::Exits).await;

    let service = wait_service(
        &cluster,
        "web",
        "the rollback to complete",
        |s: &Service| {
            let primary = &s.deployments()[0];
            is_stable(s)
                && primary.id() != Some(&*bad_deployment)
                && primary.id() != Some(&*good_deployment)
                && primary.rollout_state() == Some(&DeploymentRolloutState::Completed)
        },
    )
    .await;
    let rollback = service.deployments()[0].clone();
    assert_eq!(rollback.task_definition(), Some(&*good), "{rollback:?}");
    assert_eq!(service.task_definition(), Some(&*good));
    let rollback_id = rollback.id().expect("an ID").to_owned();
    let tasks = check_runs(&cluster, &instance, "web", 2, &good).await;
    assert!(tasks
        .iter()
        .all(|t| t.started_by() == Some(rollback_id.as_str())));
    check_failed_tasks(&cluster, &bad_deployment, Bad::Exits).await;

    let messages = events(&service);
    let failed = format!(
        "(service web) (deployment {bad_deployment}) deployment failed: tasks failed to start."
    );
    assert!(messages.contains(&failed), "{failed:?} in {messages:?}");
    let rolling_back = format!(
        "(service web) (deployment {rollback_id}) rolling back to (deployment {good_deployment})"
    );
    assert!(
        messages.iter().any(|m| m.starts_with(&rolling_back)),
        "{rolling_back:?} in {messages:?}"
    );

    // The failed deployment has left DescribeServices; its history tells what happened.
    let listed = cluster
        .client
        .list_service_deployments()
        .service("web")
        .send()
        .await
        .expect("ListServiceDeployments");
    let arns: Vec<String> = listed
        .service_deployments()
        .iter()
        .filter_map(|d| d.service_deployment_arn().map(str::to_owned))
        .collect();
    let described = cluster
        .client
        .describe_service_deployments()
        .set_service_deployment_arns(Some(arns))
        .send()
        .await
        .expect("DescribeServiceDeployments");
    let number = |id: &str| format!("/{}", id.trim_start_matches("ecs-svc/"));
    let find = |id: &str| {
        described
            .service_deployments()
            .iter()
            .find(|d| {
                d.service_deployment_arn()
                    .is_some_and(|a| a.ends_with(&number(id)))
            })
            .unwrap_or_else(|| panic!("no service deployment for {id}: {described:?}"))
    };
    let bad = find(&bad_deployment);
    assert!(
        bad.status_reason()
            .is_some_and(|r| r.contains("tasks failed to start")),
        "{bad:?}"
    );
    assert_eq!(
        bad.deployment_circuit_breaker().and_then(|b| b.status()),
        Some(&ServiceDeploymentRollbackMonitorsStatus::Triggered),
        "{bad:?}"
    );
    assert!(bad.rollback().is_some(), "{bad:?}");
    assert!(
        matches!(
            bad.status(),
            Some(
                ServiceDeploymentStatus::RollbackRequested
                    | ServiceDeploymentStatus::RollbackInProgress
                    | ServiceDeploymentStatus::RollbackSuccessful
            )
        ),
        "{bad:?}"
    );
    assert_eq!(
        find(&rollback_id).status(),
        Some(&ServiceDeploymentStatus::RollbackSuccessful)
    );
    finish(cluster, cleanup).await;
}

#[tokio::test]
async fn circuit_breaker_without_rollback_keeps_the_old_tasks() {
    if !docker_available() {
        return;
    }
    // A revision that cannot start at all: one that runs for a moment would count as
    // healthy then, and minimumHealthyPercent would let it replace an old task.
    let FailingUpdate {
        cluster,
        cleanup,
        instance,
        good,
        good_tasks,
        good_deployment,
        bad_deployment,
        ..
    } = failing_update("svc-breaker-stay", false, Bad::CannotStart).await;

    let service = wait_service(&cluster, "web", "the deployment to fail", |s: &Service| {
        s.deployments().first().is_some_and(|d| {
            d.id() == Some(&*bad_deployment)
                && d.rollout_state() == Some(&DeploymentRolloutState::Failed)
        })
    })
    .await;
    let failed = &service.deployments()[0];
    assert_eq!(failed.status(), Some("PRIMARY"), "no rollback: {service:?}");
    assert!(failed.failed_tasks() >= 3, "{failed:?}");
    let messages = events(&service);
    let expected = format!(
        "(service web) (deployment {bad_deployment}) deployment failed: tasks failed to start."
    );
    assert!(messages.contains(&expected), "{expected:?} in {messages:?}");

    // A failed deployment launches nothing more, and minimumHealthyPercent 100 keeps
    // every old task: watch for a few seconds that nothing changes.
    let tasks_of_bad = |cluster: &TestCluster| {
        let client = cluster.client.clone();
        let bad = bad_deployment.clone();
        async move {
            let mut all = Vec::new();
            for desired in [DesiredStatus::Running, DesiredStatus::Stopped] {
                let page = client
                    .list_tasks()
                    .started_by(&bad)
                    .desired_status(desired)
                    .send()
                    .await
                    .expect("listing the bad deployment's tasks");
                all.extend(page.task_arns().iter().cloned());
            }
            all.into_iter().collect::<HashSet<String>>()
        }
    };
    let launched = tasks_of_bad(&cluster).await;
    let watch_until = Instant::now() + Duration::from_secs(4);
    while Instant::now() < watch_until {
        let running = arns(&running_tasks(&cluster, "web").await);
        assert!(
            good_tasks.is_subset(&running),
            "the old tasks keep running: {running:?}"
        );
        let service = describe_service(&cluster, "web").await;
        assert_eq!(
            service.deployments()[0].rollout_state(),
            Some(&DeploymentRolloutState::Failed)
        );
        let old = service
            .deployments()
            .iter()
            .find(|d| d.id() == Some(&*good_deployment))
            .unwrap_or_else(|| panic!("the old deployment stays ACTIVE: {service:?}"));
        assert_eq!(old.status(), Some("ACTIVE"));
        assert_eq!(old.running_count(), 2, "{old:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(
        tasks_of_bad(&cluster).await,
        launched,
        "a FAILED deployment starts no tasks"
    );
    check_failed_tasks(&cluster, &bad_deployment, Bad::CannotStart).await;
    // The failed deployment's last tasks may still have been exiting when it failed.
    wait_containers_are(&instance, &good_tasks).await;
    let tasks = check_runs(&cluster, &instance, "web", 2, &good).await;
    assert_eq!(arns(&tasks), good_tasks);
    finish(cluster, cleanup).await;
}

#[tokio::test]
async fn delete_service_needs_force_then_drains_to_inactive() {
    if !docker_available() {
        return;
    }
    let (cluster, cleanup, instance) = docker_cluster().await;
    let def = register_app(&cluster, "svc-delete", "v1", TRAP).await;
    create_service(&cluster, "web", &def, 3, None).await;
    wait_stable(&cluster, "web").await;
    let tasks = arns(&check_runs(&cluster, &instance, "web", 3, &def).await);

    assert_eq!(
        err_code(cluster.client.delete_service().service("web").send().await),
        "InvalidParameterException"
    );
    // The refused delete changed nothing.
    let service = describe_service(&cluster, "web").await;
    assert_eq!(service.status(), Some("ACTIVE"));
    assert_eq!(running_container_tasks(&instance).await, tasks);

    let deleted = cluster
        .client
        .delete_service()
        .service("web")
        .force(true)
        .send()
        .await
        .expect("deleting with force")
        .service
        .expect("a service");
    assert_eq!(deleted.status(), Some("DRAINING"));
    assert_eq!(deleted.desired_count(), 0);

    wait_service(&cluster, "web", "the service to be INACTIVE", |s| {
        s.status() == Some("INACTIVE")
    })
    .await;
    for task in describe_tasks(&cluster, &tasks).await {
        assert_eq!(task.last_status(), Some("STOPPED"), "{task:?}");
        assert_eq!(
            task.stop_code(),
            Some(&TaskStopCode::ServiceSchedulerInitiated),
            "{task:?}"
        );
    }
    assert!(
        running_containers(&instance).await.is_empty(),
        "no container of the service runs"
    );
    let listed = cluster
        .client
        .list_services()
        .send()
        .await
        .expect("ListServices");
    assert!(listed.service_arns().is_empty(), "{listed:?}");
    finish(cluster, cleanup).await;
}
