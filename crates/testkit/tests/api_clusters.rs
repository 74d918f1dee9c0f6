//! CreateCluster, DescribeClusters, ListClusters and DeleteCluster through `aws-sdk-ecs`:
//! the default cluster, idempotent creation, MISSING failures, pagination, INACTIVE after
//! deletion, and the ECS exceptions for missing clusters, bad names and clusters that
//! still hold container instances.

mod api_support;

use api_support::{cluster_arn, err_code, fake_cluster, tag};
use aws_sdk_ecs::types::ClusterField;
use berth_testkit::TestCluster;

#[tokio::test]
async fn default_cluster_exists_and_create_is_idempotent() {
    let cluster = TestCluster::start().await;
    let client = &cluster.client;

    let described = client.describe_clusters().send().await.unwrap();
    assert!(described.failures().is_empty());
    let default = &described.clusters()[0];
    assert_eq!(default.cluster_name(), Some("default"));
    assert_eq!(default.cluster_arn(), Some(cluster_arn("default").as_str()));
    assert_eq!(default.status(), Some("ACTIVE"));

    let created = client
        .create_cluster()
        .cluster_name("web")
        .send()
        .await
        .unwrap();
    let web = created.cluster().unwrap();
    assert_eq!(web.cluster_arn(), Some(cluster_arn("web").as_str()));
    assert_eq!(web.cluster_name(), Some("web"));
    assert_eq!(web.status(), Some("ACTIVE"));
    assert_eq!(web.registered_container_instances_count(), 0);
    assert_eq!(web.running_tasks_count(), 0);
    assert_eq!(web.pending_tasks_count(), 0);
    assert_eq!(web.active_services_count(), 0);

    let again = client
        .create_cluster()
        .cluster_name("web")
        .send()
        .await
        .unwrap();
    assert_eq!(
        again.cluster().unwrap().cluster_arn(),
        Some(cluster_arn("web").as_str())
    );
    assert_eq!(again.cluster().unwrap().status(), Some("ACTIVE"));

    // CreateCluster without a name creates (or returns) `default`.
    let unnamed = client.create_cluster().send().await.unwrap();
    assert_eq!(unnamed.cluster().unwrap().cluster_name(), Some("default"));

    let listed = client.list_clusters().send().await.unwrap();
    let mut arns = listed.cluster_arns().to_vec();
    arns.sort();
    assert_eq!(arns, vec![cluster_arn("default"), cluster_arn("web")]);
}

#[tokio::test]
async fn describe_reports_missing_clusters_as_failures() {
    let cluster = TestCluster::start().await;
    let out = cluster
        .client
        .describe_clusters()
        .clusters("default")
        .clusters("nope")
        .clusters(cluster_arn("also-nope"))
        .send()
        .await
        .unwrap();
    assert_eq!(out.clusters().len(), 1);
    assert_eq!(out.clusters()[0].cluster_name(), Some("default"));
    let failures = out.failures();
    assert_eq!(failures.len(), 2, "{failures:?}");
    assert_eq!(failures[0].arn(), Some(cluster_arn("nope").as_str()));
    assert_eq!(failures[0].reason(), Some("MISSING"));
    assert_eq!(failures[1].arn(), Some(cluster_arn("also-nope").as_str()));
    assert_eq!(failures[1].reason(), Some("MISSING"));
}

#[tokio::test]
async fn describe_includes_tags_only_when_asked() {
    let cluster = TestCluster::start().await;
    let client = &cluster.client;
    client
        .create_cluster()
        .cluster_name("tagged")
        .tags(tag("team", "infra"))
        .send()
        .await
        .unwrap();

    let plain = client
        .describe_clusters()
        .clusters("tagged")
        .send()
        .await
        .unwrap();
    assert!(plain.clusters()[0].tags().is_empty());
    let with_tags = client
        .describe_clusters()
        .clusters("tagged")
        .include(ClusterField::Tags)
        .send()
        .await
        .unwrap();
    assert_eq!(with_tags.clusters()[0].tags(), &[tag("team", "infra")]);
}

#[tokio::test]
async fn list_clusters_paginates_without_gaps_or_repeats() {
    let cluster = TestCluster::start().await;
    let client = &cluster.client;
    for i in 0..5 {
        client
            .create_cluster()
            .cluster_name(format!("c{i}"))
            .send()
            .await
            .unwrap();
    }
    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    let mut pages = 0;
    loop {
        let page = client
            .list_clusters()
            .max_results(2)
            .set_next_token(token.clone())
            .send()
            .await
            .unwrap();
        assert!(page.cluster_arns().len() <= 2);
        seen.extend(page.cluster_arns().iter().cloned());
        pages += 1;
        token = page.next_token().map(str::to_owned);
        if token.is_none() {
            break;
        }
        assert!(pages < 10, "pagination does not end");
    }
    assert_eq!(pages, 3);
    let mut expected: Vec<String> = ["c0", "c1", "c2", "c3", "c4", "default"]
        .iter()
        .map(|n| cluster_arn(n))
        .collect();
    expected.sort();
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(sorted, expected, "every cluster exactly once");

    assert_eq!(
        err_code(client.list_clusters().max_results(0).send().await),
        "InvalidParameterException"
    );
    assert_eq!(
        err_code(client.list_clusters().max_results(101).send().await),
        "InvalidParameterException"
    );
    assert_eq!(
        err_code(
            client
                .list_clusters()
                .next_token("not a token")
                .send()
                .await
        ),
        "InvalidParameterException"
    );
}

#[tokio::test]
async fn deleted_cluster_is_inactive_and_not_listed() {
    let cluster = TestCluster::start().await;
    let client = &cluster.client;
    client
        .create_cluster()
        .cluster_name("doomed")
        .send()
        .await
        .unwrap();

    let deleted = client
        .delete_cluster()
        .cluster("doomed")
        .send()
        .await
        .unwrap();
    let record = deleted.cluster().unwrap();
    assert_eq!(record.status(), Some("INACTIVE"));
    assert_eq!(record.cluster_arn(), Some(cluster_arn("doomed").as_str()));

    let listed = client.list_clusters().send().await.unwrap();
    assert!(!listed.cluster_arns().contains(&cluster_arn("doomed")));
    let described = client
        .describe_clusters()
        .clusters("doomed")
        .send()
        .await
        .unwrap();
    assert_eq!(described.clusters()[0].status(), Some("INACTIVE"));

    // An INACTIVE cluster cannot be used.
    let err = client
        .list_tasks()
        .cluster("doomed")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_cluster_not_found_exception());

    // Creating it again brings it back.
    let back = client
        .create_cluster()
        .cluster_name("doomed")
        .send()
        .await
        .unwrap();
    assert_eq!(back.cluster().unwrap().status(), Some("ACTIVE"));
    let listed = client.list_clusters().send().await.unwrap();
    assert!(listed.cluster_arns().contains(&cluster_arn("doomed")));
}

#[tokio::test]
async fn cluster_with_instances_cannot_be_deleted() {
    let cluster = fake_cluster().await;
    let err = cluster
        .client
        .delete_cluster()
        .cluster("default")
        .send()
        .await
        .unwrap_err();
    assert!(
        err.as_service_error()
            .is_some_and(|e| e.is_cluster_contains_container_instances_exception()),
        "{err:?}"
    );
    let described = cluster.client.describe_clusters().send().await.unwrap();
    let default = &described.clusters()[0];
    assert_eq!(default.status(), Some("ACTIVE"));
    assert_eq!(default.registered_container_instances_count(), 1);
}

#[tokio::test]
async fn calls_on_a_missing_cluster_are_cluster_not_found() {
    let cluster = TestCluster::start().await;
    let client = &cluster.client;
    const NOT_FOUND: &str = "ClusterNotFoundException";
    assert_eq!(
        err_code(client.delete_cluster().cluster("nope").send().await),
        NOT_FOUND
    );
    assert_eq!(
        err_code(client.list_tasks().cluster("nope").send().await),
        NOT_FOUND
    );
    assert_eq!(
        err_code(
            client
                .list_container_instances()
                .cluster("nope")
                .send()
                .await
        ),
        NOT_FOUND
    );
    assert_eq!(
        err_code(
            client
                .describe_tasks()
                .cluster("nope")
                .tasks("0123456789abcdef")
                .send()
                .await
        ),
        NOT_FOUND
    );
    assert_eq!(
        err_code(
            client
                .describe_container_instances()
                .cluster("nope")
                .container_instances("x")
                .send()
                .await
        ),
        NOT_FOUND
    );
    assert_eq!(
        err_code(
            client
                .run_task()
                .cluster(cluster_arn("nope"))
                .task_definition("x")
                .send()
                .await
        ),
        NOT_FOUND
    );
    let err = client
        .stop_task()
        .cluster("nope")
        .task("0123456789abcdef")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_cluster_not_found_exception());
}

#[tokio::test]
async fn invalid_cluster_names_are_rejected() {
    let cluster = TestCluster::start().await;
    let client = &cluster.client;
    for bad in ["bad name", "dots.not.allowed", "slash/no", &"x".repeat(256)] {
        let err = client
            .create_cluster()
            .cluster_name(bad)
            .send()
            .await
            .unwrap_err();
        assert!(
            err.as_service_error()
                .is_some_and(|e| e.is_invalid_parameter_exception()),
            "{bad:?}: {err:?}"
        );
    }
    // The longest valid name is accepted.
    let longest = "a".repeat(255);
    let created = client
        .create_cluster()
        .cluster_name(&longest)
        .send()
        .await
        .unwrap();
    assert_eq!(
        created.cluster().unwrap().cluster_name(),
        Some(longest.as_str())
    );
    let listed = client.list_clusters().send().await.unwrap();
    assert_eq!(
        listed.cluster_arns().len(),
        2,
        "only default and the valid cluster exist"
    );
}
