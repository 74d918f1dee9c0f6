//! UpdateContainerInstancesState and DeregisterContainerInstance through `aws-sdk-ecs`,
//! with agents over the fake runtime: DRAINING instances get no new tasks (RunTask's
//! failure on a draining-only cluster, placement on the other instance of two),
//! ListContainerInstances by status, MISSING failures, and deregistration with and
//! without `force` (tasks stopped, the instance INACTIVE, its credential refused).

mod api_support;

use std::time::Duration;

use api_support::{err_code, fake_cluster, register, run_one, TASK_TIMEOUT};
use aws_sdk_ecs::types::{ContainerInstance, ContainerInstanceStatus};
use berth_testkit::{wait_for, TestCluster};
use tokio_util::sync::CancellationToken;

/// A second agent over the fake runtime, joined to `default` with the cluster's token.
struct ExtraAgent {
    cancel: CancellationToken,
    handle: tokio::task::JoinHandle<anyhow::Result<()>>,
    _dir: tempfile::TempDir,
}

impl ExtraAgent {
    async fn start(cluster: &TestCluster) -> Self {
        let token = std::fs::read_to_string(cluster.data_dir().join("join-token"))
            .expect("the test cluster's join token");
        let dir = tempfile::tempdir().expect("a temporary directory");
        let config = berth_agent::AgentConfig {
            join_token: Some(token),
            heartbeat_interval: Duration::from_secs(1),
            hostname: Some("extra-host".into()),
            ..berth_agent::AgentConfig::new(cluster.endpoint(), "default", dir.path().join("agent"))
        };
        let runtime = std::sync::Arc::new(berth_agent::FakeRuntime::default());
        let control = std::sync::Arc::new(
            berth_agent::HttpControlPlane::new(&cluster.endpoint()).expect("an HTTP client"),
        );
        let cancel = CancellationToken::new();
        let agent_cancel = cancel.clone();
        let handle =
            tokio::spawn(
                async move { berth_agent::run(config, runtime, control, agent_cancel).await },
            );
        Self {
            cancel,
            handle,
            _dir: dir,
        }
    }

    async fn stop(self) {
        self.cancel.cancel();
        let _ = self.handle.await;
    }
}

async fn describe(cluster: &TestCluster, arn: &str) -> ContainerInstance {
    let out = cluster
        .client
        .describe_container_instances()
        .container_instances(arn)
        .send()
        .await
        .unwrap();
    assert!(out.failures().is_empty(), "{:?}", out.failures());
    out.container_instances()[0].clone()
}

async fn listed(cluster: &TestCluster, status: Option<ContainerInstanceStatus>) -> Vec<String> {
    cluster
        .client
        .list_container_instances()
        .set_status(status)
        .send()
        .await
        .unwrap()
        .container_instance_arns()
        .to_vec()
}

async fn set_state(cluster: &TestCluster, arn: &str, status: ContainerInstanceStatus) {
    let out = cluster
        .client
        .update_container_instances_state()
        .container_instances(arn)
        .status(status.clone())
        .send()
        .await
        .unwrap();
    assert!(out.failures().is_empty(), "{:?}", out.failures());
    assert_eq!(out.container_instances().len(), 1);
    assert_eq!(out.container_instances()[0].status(), Some(status.as_str()));
}

#[tokio::test]
async fn a_draining_instance_gets_no_new_tasks() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    let arn = listed(&cluster, None).await.remove(0);
    let family = register(client, "drain", 64).await;
    let before = describe(&cluster, &arn).await;

    set_state(&cluster, &arn, ContainerInstanceStatus::Draining).await;
    let drained = describe(&cluster, &arn).await;
    assert_eq!(drained.status(), Some("DRAINING"));
    assert!(drained.version() > before.version(), "the version moves");

    assert_eq!(
        listed(&cluster, Some(ContainerInstanceStatus::Draining)).await,
        vec![arn.clone()]
    );
    assert!(listed(&cluster, Some(ContainerInstanceStatus::Active))
        .await
        .is_empty());
    assert_eq!(listed(&cluster, None).await, vec![arn.clone()]);

    // The only instance is draining: ECS finds no instance to consider.
    let out = client
        .run_task()
        .task_definition(&family)
        .send()
        .await
        .unwrap();
    assert!(out.tasks().is_empty(), "{:?}", out.tasks());
    assert_eq!(out.failures().len(), 1, "{:?}", out.failures());
    assert_eq!(
        out.failures()[0].reason(),
        Some("No Container Instances were found in your cluster.")
    );
    // StartTask naming the draining instance places nothing either.
    let started = client
        .start_task()
        .task_definition(&family)
        .container_instances(&arn)
        .send()
        .await
        .unwrap();
    assert!(started.tasks().is_empty(), "{:?}", started.tasks());
    assert!(!started.failures().is_empty());

    // Setting the same status again is harmless; back to ACTIVE, tasks are placed.
    set_state(&cluster, &arn, ContainerInstanceStatus::Draining).await;
    set_state(&cluster, &arn, ContainerInstanceStatus::Active).await;
    assert_eq!(
        listed(&cluster, Some(ContainerInstanceStatus::Active)).await,
        vec![arn.clone()]
    );
    assert!(listed(&cluster, Some(ContainerInstanceStatus::Draining))
        .await
        .is_empty());
    let task = run_one(&cluster, &family).await;
    assert_eq!(task.container_instance_arn(), Some(arn.as_str()));
}

#[tokio::test]
async fn tasks_go_to_the_instance_that_is_not_draining() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    let extra = ExtraAgent::start(&cluster).await;
    let arns = cluster.wait_for_instances(2).await;
    assert_eq!(arns.len(), 2);
    let family = register(client, "spread", 64).await;

    set_state(&cluster, &arns[0], ContainerInstanceStatus::Draining).await;
    let out = client
        .run_task()
        .task_definition(&family)
        .count(4)
        .send()
        .await
        .unwrap();
    assert!(out.failures().is_empty(), "{:?}", out.failures());
    assert_eq!(out.tasks().len(), 4);
    for task in out.tasks() {
        assert_eq!(task.container_instance_arn(), Some(arns[1].as_str()));
    }
    // Tasks already on a draining instance keep running.
    let running = cluster
        .wait_for_task_status(out.tasks()[0].task_arn().unwrap(), "RUNNING", TASK_TIMEOUT)
        .await;
    assert_eq!(running.last_status(), Some("RUNNING"));
    extra.stop().await;
}

#[tokio::test]
async fn update_container_instances_state_reports_and_refuses() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    let arn = listed(&cluster, None).await.remove(0);
    let id = arn.rsplit('/').next().unwrap().to_owned();
    let unknown = "0123456789abcdef0123456789abcdef";

    // By short ID, with an unknown instance alongside: that one is a MISSING failure.
    let out = client
        .update_container_instances_state()
        .container_instances(&id)
        .container_instances(unknown)
        .status(ContainerInstanceStatus::Draining)
        .send()
        .await
        .unwrap();
    assert_eq!(out.container_instances().len(), 1);
    assert_eq!(
        out.container_instances()[0].container_instance_arn(),
        Some(arn.as_str())
    );
    assert_eq!(out.container_instances()[0].status(), Some("DRAINING"));
    assert_eq!(out.failures().len(), 1);
    assert_eq!(out.failures()[0].arn(), Some(unknown));
    assert_eq!(out.failures()[0].reason(), Some("MISSING"));

    // Only ACTIVE and DRAINING may be set.
    for status in [
        ContainerInstanceStatus::Registering,
        ContainerInstanceStatus::Deregistering,
        ContainerInstanceStatus::RegistrationFailed,
    ] {
        assert_eq!(
            err_code(
                client
                    .update_container_instances_state()
                    .container_instances(&arn)
                    .status(status)
                    .send()
                    .await
            ),
            "InvalidParameterException"
        );
    }
    assert_eq!(describe(&cluster, &arn).await.status(), Some("DRAINING"));

    // Between 1 and 10 instances.
    assert_eq!(
        err_code(
            client
                .update_container_instances_state()
                .set_container_instances(Some(Vec::new()))
                .status(ContainerInstanceStatus::Active)
                .send()
                .await
        ),
        "InvalidParameterException"
    );
    let eleven: Vec<String> = (0..11).map(|_| arn.clone()).collect();
    assert_eq!(
        err_code(
            client
                .update_container_instances_state()
                .set_container_instances(Some(eleven))
                .status(ContainerInstanceStatus::Active)
                .send()
                .await
        ),
        "InvalidParameterException"
    );
    assert_eq!(
        err_code(
            client
                .update_container_instances_state()
                .cluster("nope")
                .container_instances(&arn)
                .status(ContainerInstanceStatus::Active)
                .send()
                .await
        ),
        "ClusterNotFoundException"
    );
}

#[tokio::test]
async fn deregistration_needs_force_while_tasks_run() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    let arn = listed(&cluster, None).await.remove(0);
    let family = register(client, "dereg", 64).await;
    let task = run_one(&cluster, &family).await;
    let task_arn = task.task_arn().unwrap().to_owned();
    cluster
        .wait_for_task_status(&task_arn, "RUNNING", TASK_TIMEOUT)
        .await;

    assert_eq!(
        err_code(
            client
                .deregister_container_instance()
                .container_instance(&arn)
                .send()
                .await
        ),
        "InvalidParameterException"
    );
    assert_eq!(describe(&cluster, &arn).await.status(), Some("ACTIVE"));
    assert_eq!(
        err_code(
            client
                .deregister_container_instance()
                .container_instance("0123456789abcdef0123456789abcdef")
                .send()
                .await
        ),
        "ClientException"
    );
    assert_eq!(
        err_code(
            client
                .deregister_container_instance()
                .cluster("nope")
                .container_instance(&arn)
                .force(true)
                .send()
                .await
        ),
        "ClusterNotFoundException"
    );

    let out = client
        .deregister_container_instance()
        .container_instance(&arn)
        .force(true)
        .send()
        .await
        .unwrap();
    let instance = out.container_instance().expect("the instance");
    assert_eq!(instance.container_instance_arn(), Some(arn.as_str()));
    assert_eq!(instance.status(), Some("INACTIVE"));
    assert!(!instance.agent_connected());
    assert_eq!(instance.running_tasks_count(), 0);

    // Its task is stopped, with the reason.
    let stopped = client
        .describe_tasks()
        .tasks(&task_arn)
        .send()
        .await
        .unwrap()
        .tasks()[0]
        .clone();
    assert_eq!(stopped.last_status(), Some("STOPPED"));
    assert_eq!(stopped.desired_status(), Some("STOPPED"));
    assert_eq!(
        stopped.stop_code(),
        Some(&aws_sdk_ecs::types::TaskStopCode::UserInitiated)
    );
    assert!(stopped
        .stopped_reason()
        .is_some_and(|r| r.contains("deregistered")));

    // No longer listed, still described as INACTIVE, and nothing is placed on it.
    assert!(!listed(&cluster, None).await.contains(&arn));
    assert_eq!(describe(&cluster, &arn).await.status(), Some("INACTIVE"));
    // Deregistering again answers the same.
    let again = client
        .deregister_container_instance()
        .container_instance(&arn)
        .send()
        .await
        .unwrap();
    assert_eq!(
        again.container_instance().unwrap().status(),
        Some("INACTIVE")
    );
    // State changes and attributes no longer apply to it.
    let out = client
        .update_container_instances_state()
        .container_instances(&arn)
        .status(ContainerInstanceStatus::Active)
        .send()
        .await
        .unwrap();
    assert_eq!(out.failures()[0].reason(), Some("MISSING"));
    assert_eq!(
        err_code(
            client
                .put_attributes()
                .attributes(
                    aws_sdk_ecs::types::Attribute::builder()
                        .name("stack")
                        .value("prod")
                        .target_id(&arn)
                        .build()
                        .unwrap()
                )
                .send()
                .await
        ),
        "TargetNotFoundException"
    );

    // The agent's credential is refused, so it registers again as a new instance.
    let fresh = wait_for(
        "the agent to register again",
        Duration::from_secs(30),
        || async { listed(&cluster, None).await.into_iter().find(|a| a != &arn) },
    )
    .await;
    assert_ne!(fresh, arn);
    assert!(!listed(&cluster, None).await.contains(&arn));
}

#[tokio::test]
async fn an_idle_instance_deregisters_without_force() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    let arn = listed(&cluster, None).await.remove(0);
    let id = arn.rsplit('/').next().unwrap().to_owned();
    let out = client
        .deregister_container_instance()
        .container_instance(&id)
        .send()
        .await
        .unwrap();
    assert_eq!(out.container_instance().unwrap().status(), Some("INACTIVE"));
    assert!(!listed(&cluster, Some(ContainerInstanceStatus::Active))
        .await
        .contains(&arn));
    let described = describe(&cluster, &arn).await;
    assert_eq!(described.status(), Some("INACTIVE"));
}
