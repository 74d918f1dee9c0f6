//! TagResource, UntagResource and ListTagsForResource through `aws-sdk-ecs` on a cluster,
//! a task definition, a task, a container instance and a service, and the tag rules: at
//! most 50 tags, no `aws:` prefix, keys up to the model's limit, and errors for unknown
//! resources. Also the tags tasks are born with: `enableECSManagedTags` and `propagateTags`
//! on RunTask and on a service's tasks.

mod api_support;

use api_support::{
    cluster_arn, err_code, fake_cluster, register, run_one, tag, task_definition_arn, PREFIX,
    TASK_TIMEOUT,
};
use aws_sdk_ecs::types::{PropagateTags, Tag, TaskField};
use aws_sdk_ecs::Client;
use berth_testkit::{wait_for, TestCluster};

async fn tags_of(client: &Client, arn: &str) -> Vec<Tag> {
    let mut tags = client
        .list_tags_for_resource()
        .resource_arn(arn)
        .send()
        .await
        .unwrap()
        .tags()
        .to_vec();
    tags.sort_by(|a, b| a.key().cmp(&b.key()));
    tags
}

/// Adds `count` new tags (k0, k1, …), which must fit, then checks that one more does not.
async fn fill_to_the_limit(client: &Client, arn: &str, count: usize) {
    let tags: Vec<Tag> = (0..count).map(|i| tag(&format!("k{i}"), "v")).collect();
    client
        .tag_resource()
        .resource_arn(arn)
        .set_tags(Some(tags))
        .send()
        .await
        .unwrap();
    assert_eq!(
        err_code(
            client
                .tag_resource()
                .resource_arn(arn)
                .tags(tag("one-more", "v"))
                .send()
                .await
        ),
        "InvalidParameterException",
        "a tag over the limit of 50"
    );
}

/// Tags, retags, untags and lists one resource.
async fn exercise(client: &Client, arn: &str) {
    assert!(
        tags_of(client, arn).await.is_empty(),
        "{arn} starts untagged"
    );
    client
        .tag_resource()
        .resource_arn(arn)
        .tags(tag("a", "1"))
        .tags(tag("b", "2"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        tags_of(client, arn).await,
        vec![tag("a", "1"), tag("b", "2")]
    );
    // Tagging an existing key replaces its value.
    client
        .tag_resource()
        .resource_arn(arn)
        .tags(tag("a", "changed"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        tags_of(client, arn).await,
        vec![tag("a", "changed"), tag("b", "2")]
    );
    // Untagging a key that is absent is not an error.
    client
        .untag_resource()
        .resource_arn(arn)
        .tag_keys("b")
        .tag_keys("absent")
        .send()
        .await
        .unwrap();
    assert_eq!(tags_of(client, arn).await, vec![tag("a", "changed")]);
}

#[tokio::test]
async fn tags_on_clusters_and_task_definitions() {
    let cluster = TestCluster::start().await;
    let client = &cluster.client;
    client
        .create_cluster()
        .cluster_name("web")
        .send()
        .await
        .unwrap();
    exercise(client, &cluster_arn("web")).await;
    register(client, "web", 64).await;
    exercise(client, &task_definition_arn("web", 1)).await;
    // Tags given at creation are listed.
    client
        .create_cluster()
        .cluster_name("born-tagged")
        .tags(tag("team", "x"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        tags_of(client, &cluster_arn("born-tagged")).await,
        vec![tag("team", "x")]
    );
}

#[tokio::test]
async fn tags_on_tasks_and_container_instances() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    register(client, "web", 64).await;
    let task = run_one(&cluster, "web")
        .await
        .task_arn()
        .unwrap()
        .to_owned();
    exercise(client, &task).await;
    let instance = cluster.wait_for_instances(1).await.remove(0);
    exercise(client, &instance).await;
}

#[tokio::test]
async fn tag_limits_and_reserved_prefix_are_enforced() {
    let cluster = TestCluster::start().await;
    let client = &cluster.client;
    let arn = cluster_arn("default");

    let fifty_one: Vec<Tag> = (0..51).map(|i| tag(&format!("k{i}"), "v")).collect();
    assert_eq!(
        err_code(
            client
                .tag_resource()
                .resource_arn(&arn)
                .set_tags(Some(fifty_one))
                .send()
                .await
        ),
        "InvalidParameterException"
    );
    // 50 is fine, and then one more (a new key) is over the limit.
    fill_to_the_limit(client, &arn, 50).await;
    assert_eq!(tags_of(client, &arn).await.len(), 50);
    client
        .untag_resource()
        .resource_arn(&arn)
        .set_tag_keys(Some((0..50).map(|i| format!("k{i}")).collect()))
        .send()
        .await
        .unwrap();

    for reserved in ["aws:owner", "AWS:owner", "Aws:x"] {
        assert_eq!(
            err_code(
                client
                    .tag_resource()
                    .resource_arn(&arn)
                    .tags(tag(reserved, "v"))
                    .send()
                    .await
            ),
            "InvalidParameterException",
            "{reserved}"
        );
    }
    // The model limits keys to 128 characters and values to 256.
    assert_eq!(
        err_code(
            client
                .tag_resource()
                .resource_arn(&arn)
                .tags(tag(&"k".repeat(129), "v"))
                .send()
                .await
        ),
        "InvalidParameterException"
    );
    assert_eq!(
        err_code(
            client
                .tag_resource()
                .resource_arn(&arn)
                .tags(tag("k", &"v".repeat(257)))
                .send()
                .await
        ),
        "InvalidParameterException"
    );
    client
        .tag_resource()
        .resource_arn(&arn)
        .tags(tag(&"k".repeat(128), &"v".repeat(256)))
        .send()
        .await
        .unwrap();
    assert_eq!(
        tags_of(client, &arn).await.len(),
        1,
        "only the valid tag was stored"
    );

    // Creating a cluster with a reserved tag creates nothing.
    let err = client
        .create_cluster()
        .cluster_name("never")
        .tags(tag("aws:x", "v"))
        .send()
        .await;
    assert_eq!(err_code(err), "InvalidParameterException");
    assert!(!client
        .list_clusters()
        .send()
        .await
        .unwrap()
        .cluster_arns()
        .contains(&cluster_arn("never")));
}

#[tokio::test]
async fn unknown_resources_are_errors() {
    let cluster = TestCluster::start().await;
    let client = &cluster.client;
    for arn in [
        cluster_arn("nope"),
        task_definition_arn("nope", 1),
        "arn:aws:ecs:us-east-1:000000000000:task/default/00000000000000000000000000000000"
            .to_owned(),
    ] {
        let err = client
            .list_tags_for_resource()
            .resource_arn(&arn)
            .send()
            .await
            .unwrap_err();
        let code = api_support::code(&err);
        assert!(
            code == "InvalidParameterException" || code == "ResourceNotFoundException",
            "{arn}: {code}"
        );
        let err = client
            .tag_resource()
            .resource_arn(&arn)
            .tags(tag("a", "b"))
            .send()
            .await;
        assert_eq!(
            err_code(err),
            code,
            "{arn}: TagResource fails like ListTagsForResource"
        );
        let err = client
            .untag_resource()
            .resource_arn(&arn)
            .tag_keys("a")
            .send()
            .await;
        assert_eq!(
            err_code(err),
            code,
            "{arn}: UntagResource fails like ListTagsForResource"
        );
    }
    assert_eq!(
        err_code(
            client
                .list_tags_for_resource()
                .resource_arn("not-an-arn")
                .send()
                .await
        ),
        "InvalidParameterException"
    );
}

#[tokio::test]
async fn tags_on_services() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    register(client, "web", 64).await;
    client
        .create_service()
        .service_name("web")
        .task_definition("web")
        .desired_count(0)
        .tags(tag("team", "shop"))
        .send()
        .await
        .unwrap();
    let arn = format!("{PREFIX}service/default/web");
    // Tags given at creation are listed, and shown by DescribeServices with TAGS.
    assert_eq!(tags_of(client, &arn).await, vec![tag("team", "shop")]);
    let described = client
        .describe_services()
        .services("web")
        .include(aws_sdk_ecs::types::ServiceField::Tags)
        .send()
        .await
        .unwrap();
    assert_eq!(described.services()[0].tags(), [tag("team", "shop")]);
    client
        .untag_resource()
        .resource_arn(&arn)
        .tag_keys("team")
        .send()
        .await
        .unwrap();
    exercise(client, &arn).await;
    // A service that does not exist cannot be tagged.
    assert_eq!(
        err_code(
            client
                .tag_resource()
                .resource_arn(format!("{PREFIX}service/default/ghost"))
                .tags(tag("a", "b"))
                .send()
                .await
        ),
        "InvalidParameterException"
    );
}

/// The tags of a task as DescribeTasks shows them with `include TAGS`, sorted by key.
async fn task_tags(client: &Client, arn: &str) -> Vec<Tag> {
    let out = client
        .describe_tasks()
        .tasks(arn)
        .include(TaskField::Tags)
        .send()
        .await
        .unwrap();
    let mut tags = out.tasks()[0].tags().to_vec();
    tags.sort_by(|a, b| a.key().cmp(&b.key()));
    // ListTagsForResource agrees.
    assert_eq!(tags_of(client, arn).await, tags);
    tags
}

/// A cluster with a fake agent and family `web`, whose definition is tagged `from` and
/// `shared`.
async fn cluster_with_tagged_definition() -> TestCluster {
    let cluster = fake_cluster().await;
    cluster
        .client
        .register_task_definition()
        .family("web")
        .container_definitions(api_support::container("app", 64))
        .tags(tag("from", "definition"))
        .tags(tag("shared", "definition"))
        .send()
        .await
        .unwrap();
    cluster
}

#[tokio::test]
async fn run_task_managed_and_propagated_tags() {
    let cluster = cluster_with_tagged_definition().await;
    let client = &cluster.client;
    let out = client
        .run_task()
        .task_definition("web")
        .enable_ecs_managed_tags(true)
        .propagate_tags(PropagateTags::TaskDefinition)
        .tags(tag("shared", "request"))
        .send()
        .await
        .unwrap();
    let arn = out.tasks()[0].task_arn().unwrap().to_owned();
    assert_eq!(
        task_tags(client, &arn).await,
        vec![
            tag("aws:ecs:clusterName", "default"),
            tag("from", "definition"),
            tag("shared", "request"),
        ],
        "managed tags, the definition's tags, and the request's winning a shared key"
    );
    // Without either, a task has only the request's tags.
    let plain = run_one(&cluster, "web")
        .await
        .task_arn()
        .unwrap()
        .to_owned();
    assert!(task_tags(client, &plain).await.is_empty());

    // Users may tag a task that has managed tags, but not remove or add aws: ones; the
    // managed tag does not count towards the 50 (2 user tags + 48 = 50).
    fill_to_the_limit(client, &arn, 48).await;
    assert_eq!(
        err_code(
            client
                .untag_resource()
                .resource_arn(&arn)
                .tag_keys("aws:ecs:clusterName")
                .send()
                .await
        ),
        "InvalidParameterException"
    );
    assert_eq!(tags_of(client, &arn).await.len(), 51);
}

#[tokio::test]
async fn a_services_tasks_get_managed_and_propagated_tags() {
    let cluster = cluster_with_tagged_definition().await;
    let client = &cluster.client;
    let cases = [
        (
            "by-service",
            Some(PropagateTags::Service),
            true,
            vec![
                tag("aws:ecs:clusterName", "default"),
                tag("aws:ecs:serviceName", "by-service"),
                tag("from", "service"),
            ],
        ),
        (
            "by-definition",
            Some(PropagateTags::TaskDefinition),
            false,
            vec![tag("from", "definition"), tag("shared", "definition")],
        ),
        ("untagged", None, false, vec![]),
    ];
    for (name, propagate, managed, _) in &cases {
        client
            .create_service()
            .service_name(*name)
            .task_definition("web")
            .desired_count(1)
            .tags(tag("from", "service"))
            .set_propagate_tags(propagate.clone())
            .enable_ecs_managed_tags(*managed)
            .send()
            .await
            .unwrap();
    }
    for (name, _, _, want) in cases {
        let arn = wait_for("the service's task", TASK_TIMEOUT, || async {
            let out = client.list_tasks().service_name(name).send().await.ok()?;
            out.task_arns().first().cloned()
        })
        .await;
        assert_eq!(task_tags(client, &arn).await, want, "{name}");
    }
}
