//! RegisterTaskDefinition, DescribeTaskDefinition, DeregisterTaskDefinition,
//! DeleteTaskDefinitions, ListTaskDefinitions and ListTaskDefinitionFamilies through
//! `aws-sdk-ecs`: revision numbering, lookup by family / family:revision / ARN, the
//! ACTIVE → INACTIVE → DELETE_IN_PROGRESS → deleted lifecycle, listing filters and
//! pagination, and the validation errors ECS reports as ClientException (without side
//! effects).

mod api_support;

use std::time::Duration;

use api_support::{
    container, container_with_port, err_code, fake_cluster, register, register_with, tag,
    task_definition_arn, TASK_TIMEOUT,
};
use aws_sdk_ecs::types::{
    Compatibility, ContainerCondition, ContainerDefinition, ContainerDependency, NetworkMode,
    SortOrder, TaskDefinitionFamilyStatus, TaskDefinitionField, TaskDefinitionStatus,
    TransportProtocol,
};
use aws_sdk_ecs::Client;
use berth_testkit::{wait_for, TestCluster};

async fn describe(client: &Client, reference: &str) -> aws_sdk_ecs::types::TaskDefinition {
    client
        .describe_task_definition()
        .task_definition(reference)
        .send()
        .await
        .unwrap_or_else(|e| panic!("describing {reference}: {e:?}"))
        .task_definition()
        .cloned()
        .expect("a task definition")
}

#[tokio::test]
async fn revisions_count_up_per_family_and_show_ecs_defaults() {
    let cluster = TestCluster::start().await;
    let client = &cluster.client;
    let out = client
        .register_task_definition()
        .family("web")
        .container_definitions(container_with_port("app", 128, 80, 8080))
        .tags(tag("team", "web"))
        .send()
        .await
        .unwrap();
    let td = out.task_definition().unwrap();
    assert_eq!(
        td.task_definition_arn(),
        Some(task_definition_arn("web", 1).as_str())
    );
    assert_eq!(td.family(), Some("web"));
    assert_eq!(td.revision(), 1);
    assert_eq!(td.status(), Some(&TaskDefinitionStatus::Active));
    assert!(td.compatibilities().contains(&Compatibility::Ec2));
    assert!(td.registered_at().is_some());
    assert_eq!(out.tags(), &[tag("team", "web")]);
    let app = &td.container_definitions()[0];
    assert_eq!(app.name(), Some("app"));
    assert_eq!(app.image(), Some("busybox:latest"));
    assert_eq!(app.memory(), Some(128));
    assert_eq!(app.essential(), Some(true), "essential defaults to true");
    assert_eq!(app.cpu(), 0, "cpu defaults to 0");
    let mapping = &app.port_mappings()[0];
    assert_eq!(mapping.container_port(), Some(80));
    assert_eq!(mapping.host_port(), Some(8080));
    assert_eq!(
        mapping.protocol(),
        Some(&TransportProtocol::Tcp),
        "protocol defaults to tcp"
    );

    assert_eq!(
        register(client, "web", 128).await,
        task_definition_arn("web", 2)
    );
    assert_eq!(
        register(client, "web", 128).await,
        task_definition_arn("web", 3)
    );
    // Another family starts at 1.
    assert_eq!(
        register(client, "worker", 64).await,
        task_definition_arn("worker", 1)
    );
}

#[tokio::test]
async fn describe_by_family_revision_and_arn() {
    let cluster = TestCluster::start().await;
    let client = &cluster.client;
    for memory in [64, 128, 256] {
        register(client, "web", memory).await;
    }
    let latest = describe(client, "web").await;
    assert_eq!(latest.revision(), 3);
    assert_eq!(latest.container_definitions()[0].memory(), Some(256));
    assert_eq!(describe(client, "web:2").await.revision(), 2);
    let by_arn = describe(client, &task_definition_arn("web", 1)).await;
    assert_eq!(by_arn.revision(), 1);
    assert_eq!(by_arn.container_definitions()[0].memory(), Some(64));

    // Tags only with include TAGS.
    client
        .tag_resource()
        .resource_arn(task_definition_arn("web", 3))
        .tags(tag("k", "v"))
        .send()
        .await
        .unwrap();
    let plain = client
        .describe_task_definition()
        .task_definition("web:3")
        .send()
        .await
        .unwrap();
    assert!(plain.tags().is_empty());
    let tagged = client
        .describe_task_definition()
        .task_definition("web:3")
        .include(TaskDefinitionField::Tags)
        .send()
        .await
        .unwrap();
    assert_eq!(tagged.tags(), &[tag("k", "v")]);

    for missing in ["nope", "web:9", &task_definition_arn("nope", 1)] {
        let err = client
            .describe_task_definition()
            .task_definition(missing)
            .send()
            .await
            .unwrap_err();
        assert!(
            err.as_service_error()
                .is_some_and(|e| e.is_client_exception()),
            "{missing}: {err:?}"
        );
    }
}

#[tokio::test]
async fn deregister_makes_a_revision_inactive_and_family_lookup_skips_it() {
    let cluster = TestCluster::start().await;
    let client = &cluster.client;
    for _ in 0..3 {
        register(client, "web", 64).await;
    }
    let out = client
        .deregister_task_definition()
        .task_definition("web:3")
        .send()
        .await
        .unwrap();
    let td = out.task_definition().unwrap();
    assert_eq!(td.status(), Some(&TaskDefinitionStatus::Inactive));
    assert_eq!(td.revision(), 3);
    assert!(td.deregistered_at().is_some());

    assert_eq!(
        describe(client, "web").await.revision(),
        2,
        "family means the latest ACTIVE revision"
    );
    assert_eq!(
        describe(client, "web:3").await.status(),
        Some(&TaskDefinitionStatus::Inactive)
    );

    // Deregistering again is harmless; a missing revision is a ClientException.
    let again = client
        .deregister_task_definition()
        .task_definition(task_definition_arn("web", 3))
        .send()
        .await;
    assert_eq!(
        again.unwrap().task_definition().unwrap().status(),
        Some(&TaskDefinitionStatus::Inactive)
    );
    let err = client
        .deregister_task_definition()
        .task_definition("web:42")
        .send()
        .await
        .unwrap_err();
    assert!(
        err.as_service_error()
            .is_some_and(|e| e.is_client_exception()),
        "{err:?}"
    );

    // A new registration takes revision 4, never reusing 3.
    assert_eq!(
        register(client, "web", 64).await,
        task_definition_arn("web", 4)
    );
}

#[tokio::test]
async fn delete_requires_inactive_and_never_reuses_revisions() {
    let cluster = TestCluster::start().await;
    let client = &cluster.client;
    register(client, "web", 64).await;
    register(client, "web", 64).await;
    client
        .deregister_task_definition()
        .task_definition("web:2")
        .send()
        .await
        .unwrap();

    let out = client
        .delete_task_definitions()
        .task_definitions(task_definition_arn("web", 1))
        .task_definitions(task_definition_arn("web", 2))
        .send()
        .await
        .unwrap();
    assert_eq!(out.task_definitions().len(), 1);
    let deleted = &out.task_definitions()[0];
    assert_eq!(
        deleted.task_definition_arn(),
        Some(task_definition_arn("web", 2).as_str())
    );
    assert_eq!(
        deleted.status(),
        Some(&TaskDefinitionStatus::DeleteInProgress)
    );
    assert_eq!(out.failures().len(), 1);
    assert_eq!(
        out.failures()[0].arn(),
        Some(task_definition_arn("web", 1).as_str())
    );
    assert!(out.failures()[0].reason().is_some_and(|r| !r.is_empty()));

    // web:1 is untouched.
    assert_eq!(
        describe(client, "web:1").await.status(),
        Some(&TaskDefinitionStatus::Active)
    );
    // Deleted revisions are not listed as ACTIVE or INACTIVE.
    let inactive = client
        .list_task_definitions()
        .status(TaskDefinitionStatus::Inactive)
        .send()
        .await
        .unwrap();
    assert!(
        inactive.task_definition_arns().is_empty(),
        "{:?}",
        inactive.task_definition_arns()
    );
    assert_eq!(
        register(client, "web", 64).await,
        task_definition_arn("web", 3)
    );

    assert_eq!(
        err_code(client.delete_task_definitions().send().await),
        "InvalidParameterException",
        "an empty list is rejected"
    );
}

#[tokio::test]
async fn list_task_definitions_filters_sorts_and_paginates() {
    let cluster = TestCluster::start().await;
    let client = &cluster.client;
    for (family, revisions) in [("beta", 2), ("alpha", 3), ("alphabet", 1)] {
        for _ in 0..revisions {
            register(client, family, 64).await;
        }
    }
    client
        .deregister_task_definition()
        .task_definition("alpha:2")
        .send()
        .await
        .unwrap();

    let all = client.list_task_definitions().send().await.unwrap();
    assert_eq!(
        all.task_definition_arns(),
        &[
            task_definition_arn("alpha", 1),
            task_definition_arn("alpha", 3),
            task_definition_arn("alphabet", 1),
            task_definition_arn("beta", 1),
            task_definition_arn("beta", 2),
        ],
        "ACTIVE by default, by family then revision"
    );

    // familyPrefix is the full family name for ListTaskDefinitions.
    let alpha = client
        .list_task_definitions()
        .family_prefix("alpha")
        .send()
        .await
        .unwrap();
    assert_eq!(
        alpha.task_definition_arns(),
        &[
            task_definition_arn("alpha", 1),
            task_definition_arn("alpha", 3)
        ]
    );

    let inactive = client
        .list_task_definitions()
        .status(TaskDefinitionStatus::Inactive)
        .send()
        .await
        .unwrap();
    assert_eq!(
        inactive.task_definition_arns(),
        &[task_definition_arn("alpha", 2)]
    );

    let desc = client
        .list_task_definitions()
        .family_prefix("beta")
        .sort(SortOrder::Desc)
        .send()
        .await
        .unwrap();
    assert_eq!(
        desc.task_definition_arns(),
        &[
            task_definition_arn("beta", 2),
            task_definition_arn("beta", 1)
        ]
    );

    for order in [SortOrder::Asc, SortOrder::Desc] {
        let mut seen = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let page = client
                .list_task_definitions()
                .sort(order.clone())
                .max_results(2)
                .set_next_token(token.clone())
                .send()
                .await
                .unwrap();
            assert!(page.task_definition_arns().len() <= 2);
            seen.extend(page.task_definition_arns().iter().cloned());
            token = page.next_token().map(str::to_owned);
            if token.is_none() {
                break;
            }
            assert!(seen.len() < 20, "pagination does not end");
        }
        let mut expected = all.task_definition_arns().to_vec();
        if order == SortOrder::Desc {
            expected.reverse();
        }
        assert_eq!(seen, expected, "pages in {order:?} order");
    }
}

#[tokio::test]
async fn list_families_by_status() {
    let cluster = TestCluster::start().await;
    let client = &cluster.client;
    register(client, "live", 64).await;
    register(client, "retired", 64).await;
    register(client, "mixed", 64).await;
    register(client, "mixed", 64).await;
    client
        .deregister_task_definition()
        .task_definition("retired:1")
        .send()
        .await
        .unwrap();
    client
        .deregister_task_definition()
        .task_definition("mixed:1")
        .send()
        .await
        .unwrap();

    let families = |status: Option<TaskDefinitionFamilyStatus>| {
        let client = client.clone();
        async move {
            client
                .list_task_definition_families()
                .set_status(status)
                .send()
                .await
                .unwrap()
                .families()
                .to_vec()
        }
    };
    assert_eq!(
        families(Some(TaskDefinitionFamilyStatus::Active)).await,
        vec!["live", "mixed"]
    );
    assert_eq!(
        families(Some(TaskDefinitionFamilyStatus::Inactive)).await,
        vec!["retired"]
    );
    assert_eq!(
        families(Some(TaskDefinitionFamilyStatus::All)).await,
        vec!["live", "mixed", "retired"]
    );
    assert_eq!(
        families(None).await,
        vec!["live", "mixed", "retired"],
        "ECS lists both by default"
    );

    let prefixed = client
        .list_task_definition_families()
        .family_prefix("mi")
        .send()
        .await
        .unwrap();
    assert_eq!(prefixed.families(), &["mixed"]);

    let first = client
        .list_task_definition_families()
        .max_results(2)
        .send()
        .await
        .unwrap();
    assert_eq!(first.families(), &["live", "mixed"]);
    let rest = client
        .list_task_definition_families()
        .max_results(2)
        .set_next_token(first.next_token().map(str::to_owned))
        .send()
        .await
        .unwrap();
    assert_eq!(rest.families(), &["retired"]);
    assert!(rest.next_token().is_none());
}

/// Each invalid registration is a ClientException and registers nothing.
#[tokio::test]
async fn invalid_registrations_are_client_exceptions_and_change_nothing() {
    let cluster = TestCluster::start().await;
    let client = &cluster.client;
    register(client, "web", 64).await;

    let non_essential = ContainerDefinition::builder()
        .name("a")
        .image("busybox")
        .memory(64)
        .essential(false)
        .build();
    let no_memory = ContainerDefinition::builder()
        .name("a")
        .image("busybox")
        .build();
    let depends = |name: &str, on: &str| {
        ContainerDefinition::builder()
            .name(name)
            .image("busybox")
            .memory(64)
            .depends_on(
                ContainerDependency::builder()
                    .container_name(on)
                    .condition(ContainerCondition::Start)
                    .build()
                    .unwrap(),
            )
            .build()
    };
    let cases: Vec<(&str, &str, Vec<ContainerDefinition>, bool)> = vec![
        (
            "bad family characters",
            "web!",
            vec![container("a", 64)],
            false,
        ),
        (
            "duplicate container names",
            "web",
            vec![container("a", 64), container("a", 64)],
            false,
        ),
        ("no essential container", "web", vec![non_essential], false),
        ("no memory anywhere", "web", vec![no_memory], false),
        (
            "dependsOn cycle",
            "web",
            vec![depends("a", "b"), depends("b", "a")],
            false,
        ),
        (
            "one host port twice",
            "web",
            vec![
                container_with_port("a", 64, 80, 8080),
                container_with_port("b", 64, 81, 8080),
            ],
            false,
        ),
        (
            "FARGATE without awsvpc",
            "web",
            vec![container("a", 64)],
            true,
        ),
    ];
    for (what, family, containers, fargate) in cases {
        let mut request = client
            .register_task_definition()
            .family(family)
            .set_container_definitions(Some(containers));
        if fargate {
            request = request
                .requires_compatibilities(Compatibility::Fargate)
                .network_mode(NetworkMode::Bridge)
                .cpu("256")
                .memory("512");
        }
        let err = request.send().await.unwrap_err();
        assert!(
            err.as_service_error()
                .is_some_and(|e| e.is_client_exception()),
            "{what}: {err:?}"
        );
    }

    // Nothing was registered by the rejected requests.
    let listed = client.list_task_definitions().send().await.unwrap();
    assert_eq!(
        listed.task_definition_arns(),
        &[task_definition_arn("web", 1)]
    );
    assert_eq!(
        register(client, "web", 64).await,
        task_definition_arn("web", 2)
    );
}

#[tokio::test]
async fn a_full_definition_round_trips() {
    let cluster = TestCluster::start().await;
    let client = &cluster.client;
    let app = ContainerDefinition::builder()
        .name("app")
        .image("busybox:latest")
        .memory_reservation(32)
        .command("sleep")
        .command("60")
        .environment(
            aws_sdk_ecs::types::KeyValuePair::builder()
                .name("MODE")
                .value("test")
                .build(),
        )
        .build();
    let arn = register_with(client, "full", vec![app]).await;
    let td = describe(client, &arn).await;
    let app = &td.container_definitions()[0];
    assert_eq!(app.command(), &["sleep", "60"]);
    assert_eq!(app.memory_reservation(), Some(32));
    assert_eq!(app.environment()[0].name(), Some("MODE"));
    assert_eq!(app.environment()[0].value(), Some("test"));
}

/// Whether a revision is gone: DescribeTaskDefinition no longer finds it.
async fn is_deleted(client: &Client, reference: &str) -> bool {
    match client
        .describe_task_definition()
        .task_definition(reference)
        .send()
        .await
    {
        Ok(_) => false,
        Err(err) => {
            assert_eq!(api_support::code(&err), "ClientException", "{reference}");
            true
        }
    }
}

async fn wait_deleted(client: &Client, reference: &str) {
    wait_for(
        &format!("{reference} to be deleted"),
        Duration::from_secs(30),
        || async { is_deleted(client, reference).await.then_some(()) },
    )
    .await;
}

#[tokio::test]
async fn deleted_revisions_go_once_no_task_or_service_uses_them() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    for _ in 0..3 {
        register(client, "web", 64).await;
    }
    // web:1 runs a standalone task, web:2 a service; web:3 is used by nothing.
    let task = client
        .run_task()
        .task_definition("web:1")
        .send()
        .await
        .unwrap()
        .tasks()[0]
        .task_arn()
        .unwrap()
        .to_owned();
    client
        .create_service()
        .service_name("svc")
        .task_definition("web:2")
        .desired_count(1)
        .send()
        .await
        .unwrap();
    for revision in 1..=3 {
        client
            .deregister_task_definition()
            .task_definition(format!("web:{revision}"))
            .send()
            .await
            .unwrap();
    }
    let out = client
        .delete_task_definitions()
        .task_definitions("web:1")
        .task_definitions("web:2")
        .task_definitions("web:3")
        .send()
        .await
        .unwrap();
    assert!(out.failures().is_empty(), "{:?}", out.failures());
    assert!(out
        .task_definitions()
        .iter()
        .all(|t| t.status() == Some(&TaskDefinitionStatus::DeleteInProgress)));

    // The unused revision goes; the pass that deleted it kept the two in use.
    wait_deleted(client, "web:3").await;
    for used in ["web:1", "web:2"] {
        assert_eq!(
            describe(client, used).await.status(),
            Some(&TaskDefinitionStatus::DeleteInProgress),
            "{used} is still in use"
        );
    }
    let listed = client
        .list_task_definitions()
        .status(TaskDefinitionStatus::DeleteInProgress)
        .send()
        .await
        .unwrap();
    assert_eq!(
        listed.task_definition_arns(),
        [task_definition_arn("web", 1), task_definition_arn("web", 2)]
    );
    // A DELETE_IN_PROGRESS revision runs no new task, but its service still scales.
    assert_eq!(
        err_code(client.run_task().task_definition("web:2").send().await),
        "ClientException"
    );
    client
        .update_service()
        .service("svc")
        .desired_count(2)
        .send()
        .await
        .unwrap();
    wait_for("the service to scale to 2", TASK_TIMEOUT, || async {
        let out = client.list_tasks().service_name("svc").send().await.ok()?;
        (out.task_arns().len() == 2).then_some(())
    })
    .await;

    // Stopping the standalone task frees web:1.
    client.stop_task().task(&task).send().await.unwrap();
    wait_deleted(client, "web:1").await;
    assert!(
        !is_deleted(client, "web:2").await,
        "the service still uses web:2"
    );

    // Deleting the service frees web:2 once its tasks are gone and it is INACTIVE.
    client
        .delete_service()
        .service("svc")
        .force(true)
        .send()
        .await
        .unwrap();
    wait_deleted(client, "web:2").await;
    let families = client.list_task_definition_families().send().await.unwrap();
    assert!(
        families.families().is_empty(),
        "a family with every revision deleted is not listed: {:?}",
        families.families()
    );
    // The numbers are never given out again, though no revision of the family is left.
    assert_eq!(
        register(client, "web", 64).await,
        task_definition_arn("web", 4)
    );
}
