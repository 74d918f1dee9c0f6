//! Services through the real SDK against a server with one fake-runtime agent: the API
//! (create, update, delete, describe, list, deployments), validation, and the service
//! scheduler's rolling deployments and events.

mod api_support;

use std::time::Duration;

use api_support::{cluster_arn, err_code, fake_cluster, register, PREFIX};
use aws_sdk_ecs::types::{
    DeploymentCircuitBreaker, DeploymentConfiguration, SchedulingStrategy, Service,
};
use berth_testkit::{wait_for, TestCluster};

const STABLE: Duration = Duration::from_secs(30);

async fn describe(cluster: &TestCluster, name: &str) -> Service {
    let out = cluster
        .client
        .describe_services()
        .services(name)
        .send()
        .await
        .expect("describing the service");
    assert!(out.failures().is_empty(), "{:?}", out.failures());
    out.services()[0].clone()
}

/// What `aws ecs wait services-stable` checks: one deployment, running == desired.
fn is_stable(service: &Service) -> bool {
    service.deployments().len() == 1 && service.running_count() == service.desired_count()
}

async fn wait_stable(cluster: &TestCluster, name: &str) -> Service {
    wait_for("the service to be stable", STABLE, || async {
        let service = describe(cluster, name).await;
        is_stable(&service).then_some(service)
    })
    .await
}

#[tokio::test]
async fn a_service_rolls_out_a_new_revision_and_says_so() {
    let cluster = fake_cluster().await;
    let v1 = register(&cluster.client, "web", 64).await;
    let created = cluster
        .client
        .create_service()
        .service_name("web")
        .task_definition("web")
        .desired_count(3)
        .send()
        .await
        .expect("creating the service")
        .service
        .expect("a service");
    assert_eq!(
        created.service_arn(),
        Some(&*format!("{PREFIX}service/default/web"))
    );
    assert_eq!(created.cluster_arn(), Some(&*cluster_arn("default")));
    assert_eq!(created.status(), Some("ACTIVE"));
    assert_eq!(created.desired_count(), 3);
    assert_eq!(
        created.scheduling_strategy(),
        Some(&SchedulingStrategy::Replica)
    );
    let config = created.deployment_configuration().expect("a configuration");
    assert_eq!(config.minimum_healthy_percent(), Some(100));
    assert_eq!(config.maximum_percent(), Some(200));
    assert_eq!(created.deployments().len(), 1);
    assert_eq!(created.deployments()[0].status(), Some("PRIMARY"));
    assert!(created.deployments()[0]
        .id()
        .is_some_and(|id| id.starts_with("ecs-svc/")));

    let stable = wait_stable(&cluster, "web").await;
    assert_eq!(stable.running_count(), 3);
    let events: Vec<&str> = stable.events().iter().filter_map(|e| e.message()).collect();
    assert!(
        events
            .iter()
            .any(|m| m.starts_with("(service web) has started 3 tasks: (task ")),
        "{events:?}"
    );
    let tasks = cluster
        .client
        .list_tasks()
        .service_name("web")
        .send()
        .await
        .unwrap();
    assert_eq!(tasks.task_arns().len(), 3);

    // A new revision rolls out and the old deployment's tasks are stopped by the service.
    let v2 = register(&cluster.client, "web", 64).await;
    assert_ne!(v1, v2);
    let updated = cluster
        .client
        .update_service()
        .service("web")
        .task_definition(&v2)
        .send()
        .await
        .unwrap()
        .service
        .unwrap();
    assert_eq!(updated.deployments().len(), 2);
    assert_eq!(updated.task_definition(), Some(&*v2));
    let done = wait_for("the rollout to complete", STABLE, || async {
        let service = describe(&cluster, "web").await;
        let complete = is_stable(&service)
            && service.deployments()[0].task_definition() == Some(&*v2)
            && service.deployments()[0].rollout_state()
                == Some(&aws_sdk_ecs::types::DeploymentRolloutState::Completed);
        complete.then_some(service)
    })
    .await;
    let events: Vec<&str> = done.events().iter().filter_map(|e| e.message()).collect();
    assert!(
        events.iter().any(|m| m.ends_with("deployment completed.")),
        "{events:?}"
    );
    assert!(
        events
            .iter()
            .any(|m| m.starts_with("(service web) has stopped 3 running tasks")),
        "{events:?}"
    );
    assert_eq!(
        events[0], "(service web) has reached a steady state.",
        "{events:?}"
    );

    let deployments = cluster
        .client
        .list_service_deployments()
        .service("web")
        .send()
        .await
        .unwrap();
    let briefs = deployments.service_deployments();
    assert_eq!(briefs.len(), 2, "{briefs:?}");
    let arns: Vec<String> = briefs
        .iter()
        .filter_map(|b| b.service_deployment_arn().map(str::to_owned))
        .collect();
    let described = cluster
        .client
        .describe_service_deployments()
        .set_service_deployment_arns(Some(arns))
        .send()
        .await
        .unwrap();
    assert_eq!(described.service_deployments().len(), 2);
    assert!(described.failures().is_empty());
    let statuses: Vec<_> = described
        .service_deployments()
        .iter()
        .filter_map(|d| d.status().map(|s| s.as_str().to_owned()))
        .collect();
    assert_eq!(statuses, vec!["SUCCESSFUL", "SUCCESSFUL"]);

    // Scale to zero and delete.
    cluster
        .client
        .update_service()
        .service("web")
        .desired_count(0)
        .send()
        .await
        .unwrap();
    let deleted = cluster
        .client
        .delete_service()
        .service("web")
        .send()
        .await
        .unwrap()
        .service
        .unwrap();
    assert_eq!(deleted.status(), Some("DRAINING"));
    wait_for("the service to be INACTIVE", STABLE, || async {
        (describe(&cluster, "web").await.status() == Some("INACTIVE")).then_some(())
    })
    .await;
    let listed = cluster.client.list_services().send().await.unwrap();
    assert!(listed.service_arns().is_empty());
}

#[tokio::test]
async fn service_requests_are_validated() {
    let cluster = fake_cluster().await;
    register(&cluster.client, "web", 64).await;
    let c = &cluster.client;
    assert_eq!(
        err_code(
            c.create_service()
                .service_name("bad name")
                .task_definition("web")
                .desired_count(1)
                .send()
                .await
        ),
        "InvalidParameterException"
    );
    assert_eq!(
        err_code(
            c.create_service()
                .service_name("web")
                .task_definition("web")
                .send()
                .await
        ),
        "InvalidParameterException"
    );
    assert_eq!(
        err_code(
            c.create_service()
                .service_name("web")
                .task_definition("nope")
                .desired_count(1)
                .send()
                .await
        ),
        "ClientException"
    );
    assert_eq!(
        err_code(
            c.create_service()
                .service_name("web")
                .task_definition("web")
                .desired_count(1)
                .deployment_configuration(
                    DeploymentConfiguration::builder()
                        .minimum_healthy_percent(100)
                        .maximum_percent(100)
                        .build()
                )
                .send()
                .await
        ),
        "InvalidParameterException"
    );
    assert_eq!(
        err_code(
            c.update_service()
                .service("nope")
                .desired_count(1)
                .send()
                .await
        ),
        "ServiceNotFoundException"
    );
    c.create_service()
        .service_name("web")
        .task_definition("web")
        .desired_count(1)
        .deployment_configuration(
            DeploymentConfiguration::builder()
                .deployment_circuit_breaker(
                    DeploymentCircuitBreaker::builder()
                        .enable(true)
                        .rollback(true)
                        .build(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(
        err_code(
            c.create_service()
                .service_name("web")
                .task_definition("web")
                .desired_count(1)
                .send()
                .await
        ),
        "InvalidParameterException"
    );
    assert_eq!(
        err_code(c.delete_service().service("web").send().await),
        "InvalidParameterException"
    );
    let described = c
        .describe_services()
        .services("web")
        .services("ghost")
        .send()
        .await
        .unwrap();
    assert_eq!(described.services().len(), 1);
    assert_eq!(described.failures().len(), 1);
    assert_eq!(described.failures()[0].reason(), Some("MISSING"));
    assert_eq!(
        described.failures()[0].arn(),
        Some(&*format!("{PREFIX}service/default/ghost"))
    );
    assert_eq!(
        err_code(c.delete_cluster().cluster("default").send().await),
        "ClusterContainsServicesException"
    );
    c.delete_service()
        .service("web")
        .force(true)
        .send()
        .await
        .unwrap();
    assert_eq!(
        err_code(
            c.update_service()
                .service("web")
                .desired_count(2)
                .send()
                .await
        ),
        "ServiceNotActiveException"
    );
}

#[tokio::test]
async fn list_services_pages_by_ten_and_create_is_idempotent_by_client_token() {
    let cluster = fake_cluster().await;
    register(&cluster.client, "web", 16).await;
    let c = &cluster.client;
    for i in 0..12 {
        c.create_service()
            .service_name(format!("svc-{i:02}"))
            .task_definition("web")
            .desired_count(0)
            .send()
            .await
            .unwrap();
    }
    let first = c.list_services().send().await.unwrap();
    assert_eq!(first.service_arns().len(), 10, "ECS's default page size");
    let token = first.next_token().expect("a second page").to_owned();
    let second = c.list_services().next_token(token).send().await.unwrap();
    assert_eq!(second.service_arns().len(), 2);
    assert!(second.next_token().is_none());
    let mut all: Vec<&str> = first
        .service_arns()
        .iter()
        .chain(second.service_arns())
        .map(String::as_str)
        .collect();
    all.dedup();
    assert_eq!(all.len(), 12);
    let described = c
        .describe_clusters()
        .clusters("default")
        .send()
        .await
        .unwrap();
    assert_eq!(described.clusters()[0].active_services_count(), 12);

    let create = || {
        c.create_service()
            .service_name("once")
            .task_definition("web")
            .desired_count(0)
            .client_token("token-1")
    };
    let a = create().send().await.unwrap().service.unwrap();
    let b = create().send().await.unwrap().service.unwrap();
    assert_eq!(a.service_arn(), b.service_arn());
    assert_eq!(
        a.deployments()[0].id(),
        b.deployments()[0].id(),
        "the same answer, not a second deployment"
    );
    assert_eq!(
        err_code(
            c.create_service()
                .service_name("once")
                .task_definition("web")
                .desired_count(1)
                .client_token("token-1")
                .send()
                .await
        ),
        "InvalidParameterException"
    );
}

#[tokio::test]
async fn a_daemon_runs_one_task_per_instance_and_cannot_be_scaled() {
    let cluster = fake_cluster().await;
    register(&cluster.client, "agent", 16).await;
    let c = &cluster.client;
    let created = c
        .create_service()
        .service_name("node-agent")
        .task_definition("agent")
        .scheduling_strategy(SchedulingStrategy::Daemon)
        .send()
        .await
        .unwrap()
        .service
        .unwrap();
    let config = created.deployment_configuration().unwrap();
    assert_eq!(config.minimum_healthy_percent(), Some(0));
    assert_eq!(config.maximum_percent(), Some(100));
    let stable = wait_stable(&cluster, "node-agent").await;
    assert_eq!(stable.desired_count(), 1, "one instance, one daemon task");
    assert_eq!(stable.running_count(), 1);
    assert_eq!(
        err_code(
            c.update_service()
                .service("node-agent")
                .desired_count(3)
                .send()
                .await
        ),
        "InvalidParameterException"
    );
    // A daemon needs no scaling down before deletion.
    c.delete_service()
        .service("node-agent")
        .send()
        .await
        .unwrap();
    wait_for("the daemon to be INACTIVE", STABLE, || async {
        (describe(&cluster, "node-agent").await.status() == Some("INACTIVE")).then_some(())
    })
    .await;
}

#[tokio::test]
async fn force_new_deployment_replaces_every_task_of_an_unchanged_definition() {
    let cluster = fake_cluster().await;
    let arn = register(&cluster.client, "web", 16).await;
    let c = &cluster.client;
    c.create_service()
        .service_name("web")
        .task_definition("web")
        .desired_count(2)
        .send()
        .await
        .unwrap();
    let before = wait_stable(&cluster, "web").await;
    let first = before.deployments()[0].id().unwrap().to_owned();
    let old_tasks = c.list_tasks().service_name("web").send().await.unwrap();
    let updated = c
        .update_service()
        .service("web")
        .force_new_deployment(true)
        .send()
        .await
        .unwrap()
        .service
        .unwrap();
    assert_eq!(
        updated.deployments().len(),
        2,
        "a new deployment of the same definition"
    );
    assert_eq!(updated.deployments()[0].task_definition(), Some(&*arn));
    let second = updated.deployments()[0].id().unwrap().to_owned();
    assert_ne!(first, second);
    wait_for("the forced deployment to complete", STABLE, || async {
        let service = describe(&cluster, "web").await;
        (is_stable(&service) && service.deployments()[0].id() == Some(&*second)).then_some(())
    })
    .await;
    let now = c.list_tasks().service_name("web").send().await.unwrap();
    assert_eq!(now.task_arns().len(), 2);
    for old in old_tasks.task_arns() {
        assert!(!now.task_arns().contains(old), "{old} was not replaced");
    }
    let described = c
        .describe_tasks()
        .set_tasks(Some(now.task_arns().to_vec()))
        .send()
        .await
        .unwrap();
    for task in described.tasks() {
        assert_eq!(task.started_by(), Some(&*second));
        assert_eq!(task.group(), Some("service:web"));
    }
}

/// A task that keeps failing to start is not relaunched in a hot loop: after a few failed
/// starts the scheduler holds off, and says so in the events.
#[tokio::test]
async fn crash_looping_tasks_are_relaunched_with_backoff() {
    let cluster = fake_cluster().await;
    let c = &cluster.client;
    let crashing = aws_sdk_ecs::types::ContainerDefinition::builder()
        .name("app")
        .image("busybox:latest")
        .memory(16)
        .docker_labels(berth_agent::fake::EXIT_AFTER_MS, "20")
        .docker_labels(berth_agent::fake::EXIT_CODE, "1")
        .build();
    api_support::register_with(c, "crash", vec![crashing]).await;
    c.create_service()
        .service_name("crash")
        .task_definition("crash")
        .desired_count(1)
        .send()
        .await
        .unwrap();
    let message = "(service crash) is unable to consistently start tasks successfully.";
    wait_for("the backoff event", STABLE, || async {
        let service = describe(&cluster, "crash").await;
        service
            .events()
            .iter()
            .any(|e| e.message().is_some_and(|m| m.starts_with(message)))
            .then_some(())
    })
    .await;
    let launched = || async {
        let mut total = 0;
        for status in [
            aws_sdk_ecs::types::DesiredStatus::Running,
            aws_sdk_ecs::types::DesiredStatus::Stopped,
        ] {
            total += c
                .list_tasks()
                .service_name("crash")
                .desired_status(status)
                .send()
                .await
                .unwrap()
                .task_arns()
                .len();
        }
        total
    };
    let at_event = launched().await;
    assert!(
        at_event >= 3,
        "the backoff starts after failed starts: {at_event}"
    );
    tokio::time::sleep(Duration::from_secs(3)).await;
    let later = launched().await;
    // Without the backoff a task that dies 20 ms after starting is relaunched dozens of
    // times in 3 s; with it (5 s, doubling) at most once.
    assert!(
        later - at_event <= 1,
        "{} launches in 3 s while backing off",
        later - at_event
    );
}

/// Starting or stopping more tasks than one store transaction holds (128 ops) is split
/// into several transactions, both ways.
#[tokio::test]
async fn a_service_scales_by_hundreds_in_one_step() {
    let cluster = fake_cluster().await;
    register(&cluster.client, "many", 6).await;
    let c = &cluster.client;
    c.create_service()
        .service_name("many")
        .task_definition("many")
        .desired_count(300)
        .send()
        .await
        .unwrap();
    let stable = wait_stable(&cluster, "many").await;
    assert_eq!(stable.running_count(), 300);
    c.update_service()
        .service("many")
        .desired_count(0)
        .send()
        .await
        .unwrap();
    let stable = wait_stable(&cluster, "many").await;
    assert_eq!(stable.running_count(), 0);
    let running = c.list_tasks().service_name("many").send().await.unwrap();
    assert!(running.task_arns().is_empty());
}
