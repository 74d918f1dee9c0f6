//! RunTask, StartTask, StopTask, DescribeTasks and ListTasks through `aws-sdk-ecs`, with
//! one agent over the fake runtime: task fields and ARNs, overrides, startedBy, groups,
//! tags, clientToken idempotency, placement failures (RESOURCE:MEMORY/CPU/PORTS), the
//! stop lifecycle, MISSING failures, and ListTasks' filters and pagination.

mod api_support;

use api_support::{
    assert_instance_arn, assert_task_arn, cluster_arn, container, container_with_port, err_code,
    fake_cluster, register, register_with, run_one, tag, task_definition_arn, PREFIX, TASK_TIMEOUT,
};
use aws_sdk_ecs::types::{
    ContainerDefinition, ContainerOverride, DesiredStatus, KeyValuePair, LaunchType, TaskField,
    TaskOverride,
};
use berth_testkit::TestCluster;

async fn instance_arn(cluster: &TestCluster) -> String {
    let arns = cluster
        .client
        .list_container_instances()
        .send()
        .await
        .unwrap()
        .container_instance_arns()
        .to_vec();
    assert_eq!(arns.len(), 1);
    arns[0].clone()
}

async fn list(
    request: aws_sdk_ecs::operation::list_tasks::builders::ListTasksFluentBuilder,
) -> Vec<String> {
    let mut arns = request.send().await.unwrap().task_arns().to_vec();
    arns.sort();
    arns
}

fn sorted(mut arns: Vec<String>) -> Vec<String> {
    arns.sort();
    arns
}

#[tokio::test]
async fn run_task_returns_a_complete_task_that_reaches_running() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    let instance = instance_arn(&cluster).await;
    let td = register(client, "web", 128).await;

    let task = run_one(&cluster, "web").await;
    let arn = task.task_arn().unwrap().to_owned();
    let id = assert_task_arn(&arn, "default");
    assert_eq!(task.cluster_arn(), Some(cluster_arn("default").as_str()));
    assert_eq!(task.task_definition_arn(), Some(td.as_str()));
    assert_eq!(task.container_instance_arn(), Some(instance.as_str()));
    assert_eq!(task.launch_type(), Some(&LaunchType::Ec2));
    assert_eq!(task.desired_status(), Some("RUNNING"));
    assert_eq!(
        task.group(),
        Some("family:web"),
        "the default group is family:NAME"
    );
    assert!(task.created_at().is_some());
    assert_eq!(task.memory(), Some("128"));
    let container = &task.containers()[0];
    assert_eq!(container.name(), Some("app"));
    assert_eq!(container.task_arn(), Some(arn.as_str()));
    let container_arn = container.container_arn().unwrap();
    assert!(
        container_arn.starts_with(&format!("{PREFIX}container/default/{id}/")),
        "container ARN {container_arn}"
    );

    let running = cluster
        .wait_for_task_status(&arn, "RUNNING", TASK_TIMEOUT)
        .await;
    assert!(running.started_at().is_some());
    assert_eq!(running.containers()[0].last_status(), Some("RUNNING"));
    assert!(
        running.version() > task.version(),
        "the version moves with the agent's reports"
    );

    let described = client.describe_clusters().send().await.unwrap();
    assert_eq!(described.clusters()[0].running_tasks_count(), 1);
}

#[tokio::test]
async fn run_task_count_must_be_between_1_and_10() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    register(client, "tiny", 6).await;
    for bad in [0, 11, -1] {
        let err = client
            .run_task()
            .task_definition("tiny")
            .count(bad)
            .send()
            .await
            .unwrap_err();
        assert!(
            err.as_service_error()
                .is_some_and(|e| e.is_invalid_parameter_exception()),
            "{bad}: {err:?}"
        );
    }
    assert!(
        list(client.list_tasks()).await.is_empty(),
        "no task was created"
    );

    let out = client
        .run_task()
        .task_definition("tiny")
        .count(10)
        .send()
        .await
        .unwrap();
    assert_eq!(out.tasks().len(), 10);
    assert!(out.failures().is_empty());
    let mut ids: Vec<String> = out
        .tasks()
        .iter()
        .map(|t| assert_task_arn(t.task_arn().unwrap(), "default"))
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 10, "ten distinct tasks");
    assert_eq!(list(client.list_tasks()).await.len(), 10);
}

#[tokio::test]
async fn overrides_started_by_group_and_tags_are_recorded() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    register(client, "web", 64).await;
    let overrides = TaskOverride::builder()
        .container_overrides(
            ContainerOverride::builder()
                .name("app")
                .command("echo")
                .command("hi")
                .environment(
                    KeyValuePair::builder()
                        .name("MODE")
                        .value("override")
                        .build(),
                )
                .build(),
        )
        .build();
    let out = client
        .run_task()
        .task_definition("web:1")
        .overrides(overrides)
        .started_by("ci-job_7")
        .group("batch")
        .tags(tag("team", "web"))
        .send()
        .await
        .unwrap();
    let arn = out.tasks()[0].task_arn().unwrap().to_owned();

    let described = client
        .describe_tasks()
        .tasks(&arn)
        .include(TaskField::Tags)
        .send()
        .await
        .unwrap();
    let task = &described.tasks()[0];
    assert_eq!(task.started_by(), Some("ci-job_7"));
    assert_eq!(task.group(), Some("batch"));
    assert_eq!(task.tags(), &[tag("team", "web")]);
    let container_override = &task.overrides().unwrap().container_overrides()[0];
    assert_eq!(container_override.name(), Some("app"));
    assert_eq!(container_override.command(), &["echo", "hi"]);
    assert_eq!(container_override.environment()[0].name(), Some("MODE"));
    assert_eq!(
        container_override.environment()[0].value(),
        Some("override")
    );

    // Tags only with include TAGS.
    let plain = client.describe_tasks().tasks(&arn).send().await.unwrap();
    assert!(plain.tasks()[0].tags().is_empty());

    // An override for a container that is not in the definition is rejected.
    let bad = TaskOverride::builder()
        .container_overrides(ContainerOverride::builder().name("ghost").build())
        .build();
    assert_eq!(
        err_code(
            client
                .run_task()
                .task_definition("web")
                .overrides(bad)
                .send()
                .await
        ),
        "InvalidParameterException"
    );
}

#[tokio::test]
async fn client_token_makes_run_task_idempotent() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    register(client, "web", 64).await;
    let run = || {
        client
            .run_task()
            .task_definition("web")
            .count(2)
            .client_token("token-1")
    };

    let first = run().send().await.unwrap();
    let first_arns = sorted(
        first
            .tasks()
            .iter()
            .map(|t| t.task_arn().unwrap().to_owned())
            .collect(),
    );
    assert_eq!(first_arns.len(), 2);
    let second = run().send().await.unwrap();
    let second_arns = sorted(
        second
            .tasks()
            .iter()
            .map(|t| t.task_arn().unwrap().to_owned())
            .collect(),
    );
    assert_eq!(
        second_arns, first_arns,
        "the same answer for the same token and parameters"
    );
    assert_eq!(
        list(client.list_tasks()).await,
        first_arns,
        "nothing new was created"
    );

    let err = run().started_by("someone-else").send().await.unwrap_err();
    assert!(
        err.as_service_error()
            .is_some_and(|e| e.is_invalid_parameter_exception()),
        "{err:?}"
    );
    assert_eq!(list(client.list_tasks()).await, first_arns);

    // Another token runs new tasks.
    let third = client
        .run_task()
        .task_definition("web")
        .client_token("token-2")
        .send()
        .await
        .unwrap();
    assert_eq!(third.tasks().len(), 1);
    assert_eq!(list(client.list_tasks()).await.len(), 3);
}

#[tokio::test]
async fn placement_failures_name_the_missing_resource() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    let instance = instance_arn(&cluster).await;

    // The fake instance has 4096 CPU units and 16384 MiB.
    register(client, "huge-memory", 20_000).await;
    let cpu_hog = ContainerDefinition::builder()
        .name("app")
        .image("busybox")
        .memory(64)
        .cpu(5000)
        .build();
    register_with(client, "huge-cpu", vec![cpu_hog]).await;
    register_with(
        client,
        "static-port",
        vec![container_with_port("app", 64, 80, 8080)],
    )
    .await;

    for (family, reason) in [
        ("huge-memory", "RESOURCE:MEMORY"),
        ("huge-cpu", "RESOURCE:CPU"),
    ] {
        let out = client
            .run_task()
            .task_definition(family)
            .send()
            .await
            .unwrap();
        assert!(out.tasks().is_empty(), "{family}");
        assert_eq!(out.failures().len(), 1, "{family}: {:?}", out.failures());
        assert_eq!(out.failures()[0].reason(), Some(reason));
        assert_eq!(out.failures()[0].arn(), Some(instance.as_str()));
    }

    let first = client
        .run_task()
        .task_definition("static-port")
        .send()
        .await
        .unwrap();
    assert_eq!(first.tasks().len(), 1, "{:?}", first.failures());
    let second = client
        .run_task()
        .task_definition("static-port")
        .send()
        .await
        .unwrap();
    assert!(second.tasks().is_empty());
    assert_eq!(second.failures()[0].reason(), Some("RESOURCE:PORTS"));
    assert_eq!(second.failures()[0].arn(), Some(instance.as_str()));

    // The port is held until the task is STOPPED, then free again. Of two tasks in one
    // call, the first takes it and the second fails.
    let first_arn = first.tasks()[0].task_arn().unwrap();
    client.stop_task().task(first_arn).send().await.unwrap();
    cluster
        .wait_for_task_status(first_arn, "STOPPED", TASK_TIMEOUT)
        .await;
    let both = client
        .run_task()
        .task_definition("static-port")
        .count(2)
        .send()
        .await
        .unwrap();
    assert_eq!(both.tasks().len(), 1);
    assert_eq!(both.failures().len(), 1);
    assert_eq!(both.failures()[0].reason(), Some("RESOURCE:PORTS"));
}

#[tokio::test]
async fn start_task_runs_on_the_named_instance() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    let instance = instance_arn(&cluster).await;
    let instance_id = assert_instance_arn(&instance, "default");
    register(client, "web", 64).await;

    let out = client
        .start_task()
        .task_definition("web")
        .container_instances(&instance)
        .started_by("starter")
        .send()
        .await
        .unwrap();
    assert!(out.failures().is_empty(), "{:?}", out.failures());
    let task = &out.tasks()[0];
    assert_eq!(task.container_instance_arn(), Some(instance.as_str()));
    assert_eq!(task.started_by(), Some("starter"));
    assert_eq!(task.group(), Some("family:web"));
    cluster
        .wait_for_task_status(task.task_arn().unwrap(), "RUNNING", TASK_TIMEOUT)
        .await;

    // By bare ID too.
    let by_id = client
        .start_task()
        .task_definition("web")
        .container_instances(&instance_id)
        .send()
        .await
        .unwrap();
    assert_eq!(
        by_id.tasks()[0].container_instance_arn(),
        Some(instance.as_str())
    );

    // A missing instance is a MISSING failure, not an error.
    let missing = format!("{PREFIX}container-instance/default/00000000000000000000000000000000");
    let out = client
        .start_task()
        .task_definition("web")
        .container_instances(&missing)
        .send()
        .await
        .unwrap();
    assert!(out.tasks().is_empty());
    assert_eq!(out.failures()[0].arn(), Some(missing.as_str()));
    assert_eq!(out.failures()[0].reason(), Some("MISSING"));

    assert_eq!(
        err_code(client.start_task().task_definition("web").send().await),
        "InvalidParameterException",
        "containerInstances is required"
    );
}

#[tokio::test]
async fn stop_task_stops_with_user_initiated_and_the_reason() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    register(client, "web", 64).await;
    let arn = run_one(&cluster, "web")
        .await
        .task_arn()
        .unwrap()
        .to_owned();
    cluster
        .wait_for_task_status(&arn, "RUNNING", TASK_TIMEOUT)
        .await;

    let out = client
        .stop_task()
        .task(&arn)
        .reason("test is over")
        .send()
        .await
        .unwrap();
    let task = out.task().unwrap();
    assert_eq!(task.task_arn(), Some(arn.as_str()));
    assert_eq!(task.desired_status(), Some("STOPPED"));
    assert_eq!(task.stopped_reason(), Some("test is over"));

    let stopped = cluster
        .wait_for_task_status(&arn, "STOPPED", TASK_TIMEOUT)
        .await;
    assert_eq!(
        stopped.stop_code(),
        Some(&aws_sdk_ecs::types::TaskStopCode::UserInitiated)
    );
    assert_eq!(stopped.stopped_reason(), Some("test is over"));
    assert!(stopped.stopped_at().is_some());
    assert!(stopped.stopping_at().is_some());
    assert_eq!(stopped.containers()[0].last_status(), Some("STOPPED"));

    // Stopping again keeps the first reason.
    let again = client
        .stop_task()
        .task(&arn)
        .reason("second")
        .send()
        .await
        .unwrap();
    assert_eq!(again.task().unwrap().stopped_reason(), Some("test is over"));

    assert_eq!(
        err_code(
            client
                .stop_task()
                .task("00000000000000000000000000000000")
                .send()
                .await
        ),
        "InvalidParameterException",
        "a missing task"
    );
}

#[tokio::test]
async fn describe_tasks_reports_missing_tasks() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    register(client, "web", 64).await;
    let arn = run_one(&cluster, "web")
        .await
        .task_arn()
        .unwrap()
        .to_owned();
    let missing = format!("{PREFIX}task/default/00000000000000000000000000000000");
    let out = client
        .describe_tasks()
        .tasks(&arn)
        .tasks(&missing)
        .tasks("not-a-task")
        .send()
        .await
        .unwrap();
    assert_eq!(out.tasks().len(), 1);
    assert_eq!(out.tasks()[0].task_arn(), Some(arn.as_str()));
    assert_eq!(out.failures().len(), 2);
    assert_eq!(out.failures()[0].arn(), Some(missing.as_str()));
    assert_eq!(out.failures()[0].reason(), Some("MISSING"));
    assert_eq!(out.failures()[1].reason(), Some("MISSING"));

    // By bare ID, the task is found too.
    let id = assert_task_arn(&arn, "default");
    let by_id = client.describe_tasks().tasks(&id).send().await.unwrap();
    assert_eq!(by_id.tasks()[0].task_arn(), Some(arn.as_str()));

    assert_eq!(
        err_code(client.describe_tasks().send().await),
        "InvalidParameterException",
        "tasks is required"
    );
}

#[tokio::test]
async fn list_tasks_filters_and_paginates() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    let instance = instance_arn(&cluster).await;
    register(client, "web", 64).await;
    register_with(client, "worker", vec![container("app", 32)]).await;

    let web = client
        .run_task()
        .task_definition("web")
        .count(3)
        .started_by("deployer")
        .send()
        .await
        .unwrap();
    let web_arns = sorted(
        web.tasks()
            .iter()
            .map(|t| t.task_arn().unwrap().to_owned())
            .collect(),
    );
    let worker = run_one(&cluster, "worker")
        .await
        .task_arn()
        .unwrap()
        .to_owned();
    let all = sorted([web_arns.clone(), vec![worker.clone()]].concat());

    assert_eq!(list(client.list_tasks()).await, all);
    assert_eq!(list(client.list_tasks().family("web")).await, web_arns);
    assert_eq!(
        list(client.list_tasks().family("worker")).await,
        vec![worker.clone()]
    );
    assert_eq!(
        list(client.list_tasks().started_by("deployer")).await,
        web_arns
    );
    assert_eq!(
        list(client.list_tasks().container_instance(&instance)).await,
        all
    );
    assert_eq!(
        list(client.list_tasks().launch_type(LaunchType::Ec2)).await,
        all
    );
    assert!(list(client.list_tasks().launch_type(LaunchType::External))
        .await
        .is_empty());
    assert!(
        list(client.list_tasks().desired_status(DesiredStatus::Stopped))
            .await
            .is_empty()
    );

    // A stopped task leaves the default (RUNNING) listing and appears under STOPPED.
    client.stop_task().task(&worker).send().await.unwrap();
    assert_eq!(list(client.list_tasks()).await, web_arns);
    assert_eq!(
        list(client.list_tasks().desired_status(DesiredStatus::Running)).await,
        web_arns
    );
    assert_eq!(
        list(client.list_tasks().desired_status(DesiredStatus::Stopped)).await,
        vec![worker.clone()]
    );

    // startedBy must be the only filter.
    assert_eq!(
        err_code(
            client
                .list_tasks()
                .started_by("deployer")
                .family("web")
                .send()
                .await
        ),
        "InvalidParameterException"
    );

    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let page = client
            .list_tasks()
            .max_results(2)
            .set_next_token(token.clone())
            .send()
            .await
            .unwrap();
        assert!(page.task_arns().len() <= 2);
        seen.extend(page.task_arns().iter().cloned());
        token = page.next_token().map(str::to_owned);
        if token.is_none() {
            break;
        }
        assert!(seen.len() <= 10, "pagination does not end");
    }
    assert_eq!(sorted(seen), web_arns, "every running task exactly once");
}

#[tokio::test]
async fn inactive_task_definitions_cannot_run() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    register(client, "web", 64).await;
    client
        .deregister_task_definition()
        .task_definition("web:1")
        .send()
        .await
        .unwrap();
    let err = client
        .run_task()
        .task_definition(task_definition_arn("web", 1))
        .send()
        .await
        .unwrap_err();
    assert!(
        err.as_service_error()
            .is_some_and(|e| e.is_client_exception()),
        "{err:?}"
    );
    let err = client
        .run_task()
        .task_definition("never-registered")
        .send()
        .await
        .unwrap_err();
    assert!(
        err.as_service_error()
            .is_some_and(|e| e.is_client_exception()),
        "{err:?}"
    );
    assert!(list(client.list_tasks()).await.is_empty());
}

#[tokio::test]
async fn list_tasks_of_a_service_that_does_not_exist_is_an_error() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    register(client, "web", 64).await;
    for name in [
        "ghost".to_owned(),
        format!("{PREFIX}service/default/ghost"),
        // A service of this name exists, but in another cluster.
        format!("{PREFIX}service/other/web"),
    ] {
        assert_eq!(
            err_code(client.list_tasks().service_name(&name).send().await),
            "ServiceNotFoundException",
            "{name}"
        );
    }
    client
        .create_service()
        .service_name("web")
        .task_definition("web")
        .desired_count(0)
        .send()
        .await
        .unwrap();
    // An existing service with no tasks lists none.
    assert!(list(client.list_tasks().service_name("web"))
        .await
        .is_empty());
    // Once deleted (INACTIVE) it still exists for ListTasks, as its stopped tasks may.
    client.delete_service().service("web").send().await.unwrap();
    assert!(list(client.list_tasks().service_name("web"))
        .await
        .is_empty());
}
