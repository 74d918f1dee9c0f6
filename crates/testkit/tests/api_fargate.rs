//! The FARGATE launch type through the ECS API, with agents over the fake runtime (what
//! is checked here is the control plane's: validation, placement on the pool, what
//! DescribeTasks and DescribeServices show; `docker_fargate.rs` runs real containers):
//! each Fargate rule of RunTask, StartTask and CreateService is refused with ECS's error
//! and changes nothing; FARGATE tasks run on the Fargate pool, which no cluster lists, with
//! no `containerInstanceArn`; capacity provider strategies pick providers by base and
//! weight; a FARGATE service keeps its tasks, and replaces those of a lost pool host.

use std::sync::Arc;
use std::time::Duration;

use aws_sdk_ecs::error::ProvideErrorMetadata;
use aws_sdk_ecs::types::{
    CapacityProviderStrategyItem, Compatibility, LaunchType, NetworkMode, PlacementConstraint,
    PlacementConstraintType, PlacementStrategy, PlacementStrategyType, SchedulingStrategy, Task,
    TaskOverride,
};
use berth_agent::{ContainerRuntime, FakeRuntime};
use berth_server::AppConfig;
use berth_testkit::fixtures::{awsvpc, shell_container};
use berth_testkit::{wait_for, AgentKind, Options, TestCluster};

const TIMEOUT: Duration = Duration::from_secs(30);

fn provider(name: &str, base: i32, weight: i32) -> CapacityProviderStrategyItem {
    CapacityProviderStrategyItem::builder()
        .capacity_provider(name)
        .base(base)
        .weight(weight)
        .build()
        .expect("a strategy item")
}

/// Registers a FARGATE task definition of 256 CPU units and 512 MiB.
async fn register_fargate(cluster: &TestCluster, family: &str) -> String {
    cluster
        .client
        .register_task_definition()
        .family(family)
        .requires_compatibilities(Compatibility::Fargate)
        .network_mode(NetworkMode::Awsvpc)
        .cpu("256")
        .memory("512")
        .container_definitions(shell_container("main", 16, "sleep 3600").build())
        .send()
        .await
        .expect("RegisterTaskDefinition")
        .task_definition()
        .and_then(|d| d.task_definition_arn())
        .expect("an ARN")
        .to_owned()
}

/// A cluster with one EC2 container instance in `default` and one host in the Fargate
/// pool (both over the fake runtime), and a subnet.
async fn cluster_with_pool(app: AppConfig) -> (TestCluster, berth_testkit::TestAgent, String) {
    let cluster = TestCluster::with(Options {
        agent: AgentKind::Fake,
        app,
        ..Options::default()
    })
    .await;
    let pool = cluster
        .start_fargate_agent(
            Arc::new(FakeRuntime::default()) as Arc<dyn ContainerRuntime>,
            &cluster.data_dir().join("pool-1"),
        )
        .await;
    pool.instance_arn().await;
    let subnet = cluster
        .server
        .app
        .create_subnet("10.78.0.0/16", "fargate", 24)
        .await
        .expect("subnet")
        .id;
    (cluster, pool, subnet)
}

async fn task_count(cluster: &TestCluster) -> usize {
    cluster
        .client
        .list_tasks()
        .send()
        .await
        .expect("ListTasks")
        .task_arns()
        .len()
}

async fn wait_running(cluster: &TestCluster, arn: &str) -> Task {
    let client = cluster.client.clone();
    wait_for("the task to run", TIMEOUT, || {
        let client = client.clone();
        let arn = arn.to_owned();
        async move {
            let out = client.describe_tasks().tasks(arn).send().await.ok()?;
            let task = out.tasks().first()?.clone();
            (task.last_status() == Some("RUNNING")).then_some(task)
        }
    })
    .await
}

fn detail(task: &Task, name: &str) -> Option<String> {
    task.attachments()
        .iter()
        .find(|a| a.r#type() == Some("ElasticNetworkInterface"))?
        .details()
        .iter()
        .find(|d| d.name() == Some(name))?
        .value()
        .map(str::to_owned)
}

#[tokio::test]
async fn fargate_rules_are_refused_with_ecs_errors_and_change_nothing() {
    let (cluster, _pool, subnet) = cluster_with_pool(AppConfig::default()).await;
    let c = &cluster.client;
    register_fargate(&cluster, "fg").await;
    // An awsvpc revision of a Fargate size that did not require FARGATE: as on ECS, it
    // does not list FARGATE and does not launch there.
    c.register_task_definition()
        .family("plain")
        .network_mode(NetworkMode::Awsvpc)
        .cpu("256")
        .memory("512")
        .container_definitions(shell_container("main", 16, "sleep 3600").build())
        .send()
        .await
        .expect("RegisterTaskDefinition");
    let plain = c
        .describe_task_definition()
        .task_definition("plain")
        .send()
        .await
        .expect("DescribeTaskDefinition");
    let compatibilities = plain.task_definition().unwrap().compatibilities();
    assert!(!compatibilities.contains(&Compatibility::Fargate));
    let fg = c
        .describe_task_definition()
        .task_definition("fg")
        .send()
        .await
        .expect("DescribeTaskDefinition");
    assert!(fg
        .task_definition()
        .unwrap()
        .compatibilities()
        .contains(&Compatibility::Fargate));
    let ec2 = cluster
        .wait_for_instances(1)
        .await
        .into_iter()
        .next()
        .unwrap();

    let run = || {
        c.run_task()
            .task_definition("fg")
            .network_configuration(awsvpc(&subnet, &[]))
    };
    let cases: Vec<(&str, Answer, &str)> = vec![
        (
            "a revision without FARGATE",
            outcome(
                c.run_task()
                    .task_definition("plain")
                    .launch_type(LaunchType::Fargate)
                    .network_configuration(awsvpc(&subnet, &[]))
                    .send()
                    .await,
            ),
            "Task definition does not support launch_type FARGATE.",
        ),
        (
            "no network configuration",
            outcome(
                c.run_task()
                    .task_definition("fg")
                    .launch_type(LaunchType::Fargate)
                    .send()
                    .await,
            ),
            "Network Configuration must be provided",
        ),
        (
            "a launch type and a strategy",
            outcome(
                run()
                    .launch_type(LaunchType::Fargate)
                    .capacity_provider_strategy(provider("FARGATE", 0, 1))
                    .send()
                    .await,
            ),
            "Specifying both a launch type and capacity provider strategy is not supported",
        ),
        (
            "an unknown provider",
            outcome(
                run()
                    .capacity_provider_strategy(provider("my-asg", 0, 1))
                    .send()
                    .await,
            ),
            "cannot contain a capacity provider that is not associated with the cluster",
        ),
        (
            "two bases",
            outcome(
                run()
                    .capacity_provider_strategy(provider("FARGATE", 1, 1))
                    .capacity_provider_strategy(provider("FARGATE_SPOT", 1, 1))
                    .send()
                    .await,
            ),
            "Only one capacity provider in a capacity provider strategy can have a base",
        ),
        (
            "no weight",
            outcome(
                run()
                    .capacity_provider_strategy(provider("FARGATE", 0, 0))
                    .capacity_provider_strategy(provider("FARGATE_SPOT", 0, 0))
                    .send()
                    .await,
            ),
            "must have a weight greater than zero",
        ),
        (
            "placement constraints",
            outcome(
                run()
                    .launch_type(LaunchType::Fargate)
                    .placement_constraints(
                        PlacementConstraint::builder()
                            .r#type(PlacementConstraintType::DistinctInstance)
                            .build(),
                    )
                    .send()
                    .await,
            ),
            "placement constraints are not supported for tasks using the Fargate launch type",
        ),
        (
            "placement strategies",
            outcome(
                run()
                    .launch_type(LaunchType::Fargate)
                    .placement_strategy(
                        PlacementStrategy::builder()
                            .r#type(PlacementStrategyType::Random)
                            .build(),
                    )
                    .send()
                    .await,
            ),
            "placement strategies are not supported for tasks using the Fargate launch type",
        ),
        (
            "an old platform version",
            outcome(
                run()
                    .launch_type(LaunchType::Fargate)
                    .platform_version("1.3.0")
                    .send()
                    .await,
            ),
            "The specified platform version '1.3.0' does not exist",
        ),
        (
            "a platform version on EC2",
            outcome(
                c.run_task()
                    .task_definition("fg")
                    .platform_version("LATEST")
                    .network_configuration(awsvpc(&subnet, &[]))
                    .send()
                    .await,
            ),
            "The platform version must be null when specifying an EC2 launch type",
        ),
        (
            "overrides of a size Fargate does not offer",
            outcome(
                run()
                    .launch_type(LaunchType::Fargate)
                    .overrides(TaskOverride::builder().cpu("256").memory("4096").build())
                    .send()
                    .await,
            ),
            "No Fargate configuration exists for given values: 256 CPU, 4096 memory",
        ),
        (
            "StartTask of a FARGATE-only revision",
            outcome(
                c.start_task()
                    .task_definition("fg")
                    .container_instances(&ec2)
                    .network_configuration(awsvpc(&subnet, &[]))
                    .send()
                    .await,
            ),
            "Task definition does not support launch_type EC2.",
        ),
        (
            "a DAEMON service",
            outcome(
                c.create_service()
                    .service_name("daemon")
                    .task_definition("fg")
                    .launch_type(LaunchType::Fargate)
                    .scheduling_strategy(SchedulingStrategy::Daemon)
                    .network_configuration(awsvpc(&subnet, &[]))
                    .send()
                    .await,
            ),
            "The DAEMON scheduling strategy is not supported with the Fargate launch type",
        ),
        (
            "a service of a revision without FARGATE",
            outcome(
                c.create_service()
                    .service_name("plain")
                    .task_definition("plain")
                    .desired_count(1)
                    .capacity_provider_strategy(provider("FARGATE", 0, 1))
                    .network_configuration(awsvpc(&subnet, &[]))
                    .send()
                    .await,
            ),
            "Task definition does not support launch_type FARGATE.",
        ),
    ];
    for (what, answer, message) in cases {
        let (code, text) = answer.expect_err(what);
        assert_eq!(code, "InvalidParameterException", "{what}: {text}");
        assert!(text.contains(message), "{what}: {text}");
    }
    assert_eq!(
        task_count(&cluster).await,
        0,
        "a refused launch left a task"
    );
    let services = c.list_services().send().await.expect("ListServices");
    assert!(services.service_arns().is_empty());

    // The pool cannot be named as a cluster.
    let pool = c
        .list_container_instances()
        .cluster(berth_api::protocol::FARGATE_POOL_CLUSTER)
        .send()
        .await
        .expect_err("the pool is no cluster");
    assert_eq!(pool.code(), Some("ClusterNotFoundException"));
}

/// What a call answered: nothing, or its (exception, message).
type Answer = Result<(), (String, String)>;

fn outcome<T, E: ProvideErrorMetadata>(
    result: Result<T, aws_sdk_ecs::error::SdkError<E>>,
) -> Answer {
    match result {
        Ok(_) => Ok(()),
        Err(e) => Err((
            e.code().unwrap_or("<none>").to_owned(),
            e.message().unwrap_or_default().to_owned(),
        )),
    }
}

#[tokio::test]
async fn fargate_tasks_run_on_the_pool_which_no_cluster_lists() {
    let (cluster, pool, subnet) = cluster_with_pool(AppConfig::default()).await;
    let c = &cluster.client;
    let pool_arn = pool.instance_arn().await;
    register_fargate(&cluster, "fg").await;
    let instances = cluster.wait_for_instances(1).await;
    assert_eq!(instances.len(), 1, "only the EC2 instance: {instances:?}");
    assert!(!instances.contains(&pool_arn));

    let on_demand = c
        .run_task()
        .task_definition("fg")
        .launch_type(LaunchType::Fargate)
        .network_configuration(awsvpc(&subnet, &[]))
        .send()
        .await
        .expect("RunTask FARGATE");
    assert!(
        on_demand.failures().is_empty(),
        "{:?}",
        on_demand.failures()
    );
    let spot = c
        .run_task()
        .task_definition("fg")
        .count(3)
        .capacity_provider_strategy(provider("FARGATE", 1, 0))
        .capacity_provider_strategy(provider("FARGATE_SPOT", 0, 1))
        .network_configuration(awsvpc(&subnet, &[]))
        .send()
        .await
        .expect("RunTask with a strategy");
    assert!(spot.failures().is_empty(), "{:?}", spot.failures());
    let providers: Vec<_> = spot
        .tasks()
        .iter()
        .map(|t| t.capacity_provider_name().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(providers, ["FARGATE", "FARGATE_SPOT", "FARGATE_SPOT"]);

    let task = wait_running(&cluster, on_demand.tasks()[0].task_arn().unwrap()).await;
    assert_eq!(task.launch_type(), Some(&LaunchType::Fargate));
    assert_eq!(task.container_instance_arn(), None);
    assert_eq!(task.capacity_provider_name(), None);
    assert_eq!(task.platform_version(), Some("1.4.0"));
    assert_eq!(task.platform_family(), Some("Linux"));
    let address = detail(&task, "privateIPv4Address").expect("an address");
    assert!(address.starts_with("10.78."), "{address}");
    assert!(detail(&task, "networkInterfaceId").is_some_and(|e| e.starts_with("eni-")));

    // The EC2 instance holds none of them; ListTasks filters by launch type.
    let described = c
        .describe_container_instances()
        .container_instances(&instances[0])
        .send()
        .await
        .expect("DescribeContainerInstances");
    let instance = &described.container_instances()[0];
    assert_eq!(
        instance.running_tasks_count() + instance.pending_tasks_count(),
        0
    );
    let fargate = c
        .list_tasks()
        .launch_type(LaunchType::Fargate)
        .send()
        .await
        .expect("ListTasks");
    assert_eq!(fargate.task_arns().len(), 4);
    let ec2 = c
        .list_tasks()
        .launch_type(LaunchType::Ec2)
        .send()
        .await
        .expect("ListTasks");
    assert!(ec2.task_arns().is_empty());

    // More than the pool has: Fargate's capacity failure, naming no host.
    let big = c
        .run_task()
        .task_definition("fg")
        .launch_type(LaunchType::Fargate)
        .overrides(
            TaskOverride::builder()
                .cpu("16384")
                .memory("122880")
                .build(),
        )
        .network_configuration(awsvpc(&subnet, &[]))
        .send()
        .await
        .expect("RunTask");
    assert!(big.tasks().is_empty());
    let failure = &big.failures()[0];
    assert!(
        failure
            .reason()
            .is_some_and(|r| r.starts_with("Capacity is unavailable at this time")),
        "{failure:?}"
    );
    assert_eq!(failure.arn(), None);
}

#[tokio::test]
async fn a_fargate_service_keeps_its_tasks_through_a_lost_pool_host() {
    let (cluster, mut first, subnet) = cluster_with_pool(AppConfig {
        agent_ttl: Duration::from_secs(2),
        host_lost_grace: Duration::from_secs(1),
        ..AppConfig::default()
    })
    .await;
    let c = &cluster.client;
    let first_arn = first.instance_arn().await;
    register_fargate(&cluster, "web").await;
    let created = c
        .create_service()
        .service_name("web")
        .task_definition("web")
        .desired_count(3)
        .capacity_provider_strategy(provider("FARGATE", 1, 0))
        .capacity_provider_strategy(provider("FARGATE_SPOT", 0, 1))
        .network_configuration(awsvpc(&subnet, &[]))
        .send()
        .await
        .expect("CreateService");
    let service = created.service().unwrap();
    let clusters = c
        .describe_clusters()
        .send()
        .await
        .expect("DescribeClusters");
    assert_eq!(
        clusters.clusters()[0].capacity_providers(),
        ["FARGATE", "FARGATE_SPOT"]
    );
    assert_eq!(service.launch_type(), None);
    assert_eq!(service.capacity_provider_strategy().len(), 2);
    assert_eq!(service.platform_version(), Some("LATEST"));
    assert_eq!(service.platform_family(), Some("Linux"));

    let running = |c: aws_sdk_ecs::Client| async move {
        let arns = c
            .list_tasks()
            .service_name("web")
            .send()
            .await
            .ok()?
            .task_arns()
            .to_vec();
        if arns.len() != 3 {
            return None;
        }
        let tasks = c
            .describe_tasks()
            .set_tasks(Some(arns))
            .send()
            .await
            .ok()?
            .tasks()
            .to_vec();
        tasks
            .iter()
            .all(|t| t.last_status() == Some("RUNNING"))
            .then_some(tasks)
    };
    let tasks = wait_for("three RUNNING tasks", TIMEOUT, || running(c.clone())).await;
    let mut providers: Vec<_> = tasks
        .iter()
        .map(|t| t.capacity_provider_name().unwrap_or_default().to_owned())
        .collect();
    providers.sort();
    assert_eq!(providers, ["FARGATE", "FARGATE_SPOT", "FARGATE_SPOT"]);

    // UpdateService changes the mix and platform version for new tasks; switching to a
    // launch type is refused and changes nothing.
    let updated = c
        .update_service()
        .service("web")
        .capacity_provider_strategy(provider("FARGATE", 0, 1))
        .platform_version("1.4.0")
        .send()
        .await
        .expect("UpdateService");
    let service = updated.service().unwrap();
    assert_eq!(service.platform_version(), Some("1.4.0"));
    assert_eq!(service.capacity_provider_strategy().len(), 1);
    let refused = c
        .update_service()
        .service("web")
        .capacity_provider_strategy(provider("FARGATE", 0, 1))
        .platform_version("1.3.0")
        .send()
        .await
        .expect_err("an old platform version");
    assert_eq!(refused.code(), Some("InvalidParameterException"));
    let described = c
        .describe_services()
        .services("web")
        .send()
        .await
        .expect("DescribeServices");
    assert_eq!(described.services()[0].platform_version(), Some("1.4.0"));

    // A second pool host joins; the first is lost. Its tasks stop as an EC2 instance's
    // would, and the service starts their replacements on the host that is left.
    let second = cluster
        .start_fargate_agent(
            Arc::new(FakeRuntime::default()) as Arc<dyn ContainerRuntime>,
            &cluster.data_dir().join("pool-2"),
        )
        .await;
    second.instance_arn().await;
    first.stop().await;
    let old: Vec<String> = tasks
        .iter()
        .map(|t| t.task_arn().unwrap().to_owned())
        .collect();
    let stopped = wait_for("the lost host's tasks to stop", TIMEOUT, || {
        let c = c.clone();
        let old = old.clone();
        async move {
            let tasks = c
                .describe_tasks()
                .set_tasks(Some(old))
                .send()
                .await
                .ok()?
                .tasks()
                .to_vec();
            tasks
                .iter()
                .all(|t| t.last_status() == Some("STOPPED"))
                .then_some(tasks)
        }
    })
    .await;
    for task in &stopped {
        assert_eq!(
            task.stop_code().map(|c| c.as_str()),
            Some("TerminationNotice")
        );
        assert!(task
            .stopped_reason()
            .is_some_and(|r| r.starts_with("Host lost")));
    }
    let replaced = wait_for("three RUNNING replacements", TIMEOUT, || running(c.clone())).await;
    assert!(replaced
        .iter()
        .all(|t| !old.contains(&t.task_arn().unwrap().to_owned())));
    // Neither pool host was ever a container instance of the cluster.
    let instances = c
        .list_container_instances()
        .send()
        .await
        .expect("ListContainerInstances");
    assert!(!instances.container_instance_arns().contains(&first_arn));
    assert_eq!(instances.container_instance_arns().len(), 1);
}

/// FARGATE_SPOT: when the pool has no room for an on-demand FARGATE task, a Spot task is
/// interrupted (`SpotInterruption`, ECS's reason), its containers getting the configured
/// notice between SIGTERM and SIGKILL (1 s here, Fargate's two minutes by default) rather
/// than their stopTimeout; the on-demand task then fits.
#[tokio::test]
async fn spot_tasks_are_interrupted_for_on_demand_capacity_after_the_notice() {
    let notice = Duration::from_secs(1);
    let (cluster, _pool, subnet) = cluster_with_pool(AppConfig {
        spot_interruption_notice: notice,
        ..AppConfig::default()
    })
    .await;
    let c = &cluster.client;
    // 1 vCPU tasks: the fake pool host (4096 CPU units) holds four. The container ignores
    // SIGTERM (the fake runtime's label) and asks for 60 s before SIGKILL.
    c.register_task_definition()
        .family("big")
        .requires_compatibilities(Compatibility::Fargate)
        .network_mode(NetworkMode::Awsvpc)
        .cpu("1024")
        .memory("2048")
        .container_definitions(
            shell_container("main", 16, "sleep 3600")
                .stop_timeout(60)
                .docker_labels(berth_agent::fake::IGNORE_SIGTERM, "true")
                .build(),
        )
        .send()
        .await
        .expect("RegisterTaskDefinition");
    let spot = c
        .run_task()
        .task_definition("big")
        .count(4)
        .capacity_provider_strategy(provider("FARGATE_SPOT", 0, 1))
        .network_configuration(awsvpc(&subnet, &[]))
        .send()
        .await
        .expect("RunTask FARGATE_SPOT");
    assert_eq!(spot.tasks().len(), 4, "{:?}", spot.failures());
    for task in spot.tasks() {
        wait_running(&cluster, task.task_arn().unwrap()).await;
    }
    let on_demand = || {
        c.run_task()
            .task_definition("big")
            .launch_type(LaunchType::Fargate)
            .network_configuration(awsvpc(&subnet, &[]))
            .send()
    };
    let first = on_demand().await.expect("RunTask FARGATE");
    assert!(first.tasks().is_empty(), "the pool was full");
    assert!(first.failures()[0]
        .reason()
        .is_some_and(|r| r.starts_with("Capacity is unavailable")));

    let arns: Vec<String> = spot
        .tasks()
        .iter()
        .map(|t| t.task_arn().unwrap().to_owned())
        .collect();
    let interrupted = wait_for("one Spot task to be interrupted and stop", TIMEOUT, || {
        let c = c.clone();
        let arns = arns.clone();
        async move {
            let tasks = c
                .describe_tasks()
                .set_tasks(Some(arns))
                .send()
                .await
                .ok()?
                .tasks()
                .to_vec();
            let asked: Vec<Task> = tasks
                .into_iter()
                .filter(|t| t.desired_status() == Some("STOPPED"))
                .collect();
            (asked.len() == 1 && asked[0].last_status() == Some("STOPPED"))
                .then(|| asked[0].clone())
        }
    })
    .await;
    assert_eq!(
        interrupted.stop_code().map(|c| c.as_str()),
        Some("SpotInterruption")
    );
    assert_eq!(
        interrupted.stopped_reason(),
        Some("Your Spot Task was interrupted.")
    );
    // SIGTERM was ignored; SIGKILL came after the notice, not the 60 s stopTimeout.
    assert_eq!(interrupted.containers()[0].exit_code(), Some(137));
    let (Some(stopping), Some(stopped)) = (interrupted.stopping_at(), interrupted.stopped_at())
    else {
        panic!("no stoppingAt/stoppedAt in {interrupted:?}");
    };
    let took = stopped.secs() - stopping.secs();
    assert!((1..30).contains(&took), "stopped {took} s after stoppingAt");

    let placed = wait_for("the on-demand task to fit", TIMEOUT, || async {
        let out = on_demand().await.ok()?;
        out.tasks().first().cloned()
    })
    .await;
    assert_eq!(placed.launch_type(), Some(&LaunchType::Fargate));
    // The other three Spot tasks still run.
    let described = c
        .describe_tasks()
        .set_tasks(Some(arns))
        .send()
        .await
        .expect("DescribeTasks");
    let running = described
        .tasks()
        .iter()
        .filter(|t| t.last_status() == Some("RUNNING"))
        .count();
    assert_eq!(running, 3);
}
