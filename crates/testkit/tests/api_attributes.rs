//! PutAttributes, DeleteAttributes and ListAttributes through `aws-sdk-ecs`, with one
//! agent over the fake runtime: targets by ARN and by short ID, ECS's name and value
//! rules, the reserved `ecs.` namespace, the 10-per-call and 10-custom-per-instance
//! limits, TargetNotFoundException, ListAttributes' filters and pagination, and the
//! attributes reaching DescribeContainerInstances and the cluster query language.

mod api_support;

use api_support::{assert_instance_arn, err_code, fake_cluster};
use aws_sdk_ecs::types::{Attribute, TargetType};
use berth_testkit::TestCluster;

/// An attribute on a target given by ARN (no targetType needed).
fn attr(name: &str, value: Option<&str>, target: &str) -> Attribute {
    Attribute::builder()
        .name(name)
        .set_value(value.map(str::to_owned))
        .target_id(target)
        .build()
        .expect("an attribute")
}

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

/// (name, value) pairs that ListAttributes returns for `name` (all when `None`).
async fn listed(cluster: &TestCluster, name: Option<&str>, value: Option<&str>) -> Vec<Attribute> {
    cluster
        .client
        .list_attributes()
        .target_type(TargetType::ContainerInstance)
        .set_attribute_name(name.map(str::to_owned))
        .set_attribute_value(value.map(str::to_owned))
        .send()
        .await
        .unwrap()
        .attributes()
        .to_vec()
}

#[tokio::test]
async fn attributes_are_put_listed_described_and_deleted() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    let arn = instance_arn(&cluster).await;
    let id = assert_instance_arn(&arn, "default");
    let version_before = client
        .describe_container_instances()
        .container_instances(&arn)
        .send()
        .await
        .unwrap()
        .container_instances()[0]
        .version();

    // By ARN, and by short ID with targetType; a flag attribute has no value.
    let out = client
        .put_attributes()
        .attributes(attr("stack", Some("prod"), &arn))
        .attributes(
            Attribute::builder()
                .name("team/core\\x.y")
                .value("ops@example.com: a b")
                .target_id(&id)
                .target_type(TargetType::ContainerInstance)
                .build()
                .unwrap(),
        )
        .attributes(attr("gpu", None, &arn))
        .send()
        .await
        .unwrap();
    assert_eq!(out.attributes().len(), 3);
    assert_eq!(out.attributes()[0].name(), "stack");
    assert_eq!(out.attributes()[0].value(), Some("prod"));

    let stack = listed(&cluster, Some("stack"), None).await;
    assert_eq!(stack.len(), 1);
    assert_eq!(stack[0].value(), Some("prod"));
    assert_eq!(stack[0].target_id(), Some(arn.as_str()));
    assert_eq!(stack[0].target_type(), Some(&TargetType::ContainerInstance));
    assert_eq!(listed(&cluster, Some("stack"), Some("prod")).await.len(), 1);
    assert!(listed(&cluster, Some("stack"), Some("dev"))
        .await
        .is_empty());
    assert!(listed(&cluster, Some("nope"), None).await.is_empty());
    let gpu = listed(&cluster, Some("gpu"), None).await;
    assert_eq!(gpu.len(), 1);
    assert_eq!(gpu[0].value(), None);
    // The agent's own attributes are listed too.
    assert_eq!(listed(&cluster, Some("ecs.os-type"), None).await.len(), 1);

    let described = client
        .describe_container_instances()
        .container_instances(&arn)
        .send()
        .await
        .unwrap()
        .container_instances()[0]
        .clone();
    assert!(described.version() > version_before, "the version moves");
    let names: Vec<&str> = described.attributes().iter().map(|a| a.name()).collect();
    for name in ["stack", "team/core\\x.y", "gpu", "ecs.os-type"] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }

    // The cluster query language sees custom attributes.
    let matching = client
        .list_container_instances()
        .filter("attribute:stack == prod")
        .send()
        .await
        .unwrap();
    assert_eq!(
        matching.container_instance_arns(),
        std::slice::from_ref(&arn)
    );
    let none = client
        .list_container_instances()
        .filter("attribute:stack == dev")
        .send()
        .await
        .unwrap();
    assert!(none.container_instance_arns().is_empty());

    // Putting again replaces the value.
    client
        .put_attributes()
        .attributes(attr("stack", Some("dev"), &arn))
        .send()
        .await
        .unwrap();
    assert_eq!(
        listed(&cluster, Some("stack"), None).await[0].value(),
        Some("dev")
    );

    // Delete by ARN and by short ID; deleting an absent attribute is harmless.
    let deleted = client
        .delete_attributes()
        .attributes(attr("stack", None, &arn))
        .attributes(
            Attribute::builder()
                .name("gpu")
                .target_id(&id)
                .target_type(TargetType::ContainerInstance)
                .build()
                .unwrap(),
        )
        .attributes(attr("never-set", None, &arn))
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.attributes().len(), 3);
    assert!(listed(&cluster, Some("stack"), None).await.is_empty());
    assert!(listed(&cluster, Some("gpu"), None).await.is_empty());
    assert_eq!(
        listed(&cluster, Some("team/core\\x.y"), None).await.len(),
        1
    );
}

#[tokio::test]
async fn invalid_attributes_are_refused() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    let arn = instance_arn(&cluster).await;
    let id = assert_instance_arn(&arn, "default");

    let put = |a: Attribute| client.put_attributes().attributes(a).send();
    let long = "n".repeat(129);
    for bad in [
        attr("has space", Some("v"), &arn),
        attr("colon:", Some("v"), &arn),
        attr(&long, Some("v"), &arn),
        attr("ok", Some(" leading"), &arn),
        attr("ok", Some("trailing "), &arn),
        attr("ok", Some("comma,"), &arn),
        attr("ok", Some(&"v".repeat(129)), &arn),
        attr("ok", Some(""), &arn),
    ] {
        let name = bad.name().to_owned();
        assert_eq!(
            err_code(put(bad).await),
            "InvalidParameterException",
            "{name}"
        );
    }
    // 128 characters is the limit, not past it.
    put(attr(&"n".repeat(128), Some(&"v".repeat(128)), &arn))
        .await
        .unwrap();

    // ecs. names are ECS's: neither set nor deleted by users.
    assert_eq!(
        err_code(put(attr("ecs.instance-type", Some("t2.micro"), &arn)).await),
        "InvalidParameterException"
    );
    assert_eq!(
        err_code(
            client
                .delete_attributes()
                .attributes(attr("ecs.os-type", None, &arn))
                .send()
                .await
        ),
        "InvalidParameterException"
    );
    assert_eq!(listed(&cluster, Some("ecs.os-type"), None).await.len(), 1);

    // A short ID needs targetType; a target is required.
    let short = Attribute::builder()
        .name("stack")
        .value("prod")
        .target_id(&id)
        .build()
        .unwrap();
    assert_eq!(err_code(put(short).await), "InvalidParameterException");
    let untargeted = Attribute::builder()
        .name("stack")
        .value("prod")
        .build()
        .unwrap();
    assert_eq!(err_code(put(untargeted).await), "InvalidParameterException");

    // Unknown instances, and instances of another cluster, are TargetNotFound.
    let unknown = format!(
        "{}/0123456789abcdef0123456789abcdef",
        arn.rsplit_once('/').unwrap().0
    );
    assert_eq!(
        err_code(put(attr("stack", Some("prod"), &unknown)).await),
        "TargetNotFoundException"
    );
    let elsewhere = arn.replace("/default/", "/other/");
    assert_eq!(
        err_code(put(attr("stack", Some("prod"), &elsewhere)).await),
        "TargetNotFoundException"
    );
    assert_eq!(
        err_code(
            client
                .delete_attributes()
                .attributes(attr("stack", None, &unknown))
                .send()
                .await
        ),
        "TargetNotFoundException"
    );

    // Between 1 and 10 attributes per call.
    let eleven: Vec<Attribute> = (0..11)
        .map(|i| attr(&format!("a{i}"), Some("v"), &arn))
        .collect();
    assert_eq!(
        err_code(
            client
                .put_attributes()
                .set_attributes(Some(eleven.clone()))
                .send()
                .await
        ),
        "InvalidParameterException"
    );
    assert_eq!(
        err_code(
            client
                .delete_attributes()
                .set_attributes(Some(eleven))
                .send()
                .await
        ),
        "InvalidParameterException"
    );
    assert_eq!(
        err_code(
            client
                .put_attributes()
                .set_attributes(Some(Vec::new()))
                .send()
                .await
        ),
        "InvalidParameterException"
    );

    // An unknown cluster.
    assert_eq!(
        err_code(
            client
                .put_attributes()
                .cluster("nope")
                .attributes(attr("stack", Some("prod"), &arn))
                .send()
                .await
        ),
        "ClusterNotFoundException"
    );

    // A failed call changes nothing: one bad attribute spoils the whole call.
    assert_eq!(
        err_code(
            client
                .put_attributes()
                .attributes(attr("fine", Some("v"), &arn))
                .attributes(attr("ecs.nope", Some("v"), &arn))
                .send()
                .await
        ),
        "InvalidParameterException"
    );
    assert!(listed(&cluster, Some("fine"), None).await.is_empty());
}

#[tokio::test]
async fn an_instance_carries_at_most_ten_custom_attributes() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    let arn = instance_arn(&cluster).await;

    let ten: Vec<Attribute> = (0..10)
        .map(|i| attr(&format!("custom{i}"), Some("v"), &arn))
        .collect();
    client
        .put_attributes()
        .set_attributes(Some(ten))
        .send()
        .await
        .unwrap();
    // The agent's ecs.* attributes do not count towards the limit.
    let all = listed(&cluster, None, None).await;
    assert!(all.len() > 10, "{all:?}");

    assert_eq!(
        err_code(
            client
                .put_attributes()
                .attributes(attr("custom10", Some("v"), &arn))
                .send()
                .await
        ),
        "AttributeLimitExceededException"
    );
    assert!(listed(&cluster, Some("custom10"), None).await.is_empty());

    // Replacing a value is not a new attribute; delete one and there is room again.
    client
        .put_attributes()
        .attributes(attr("custom0", Some("w"), &arn))
        .send()
        .await
        .unwrap();
    client
        .delete_attributes()
        .attributes(attr("custom1", None, &arn))
        .send()
        .await
        .unwrap();
    client
        .put_attributes()
        .attributes(attr("custom10", Some("v"), &arn))
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn list_attributes_pages_and_checks_its_parameters() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    let arn = instance_arn(&cluster).await;
    let batch: Vec<Attribute> = (0..5)
        .map(|i| attr(&format!("page{i}"), Some("same"), &arn))
        .collect();
    client
        .put_attributes()
        .set_attributes(Some(batch))
        .send()
        .await
        .unwrap();
    let total = listed(&cluster, None, None).await.len();
    assert!(total >= 5);

    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let page = client
            .list_attributes()
            .target_type(TargetType::ContainerInstance)
            .max_results(2)
            .set_next_token(token.clone())
            .send()
            .await
            .unwrap();
        assert!(page.attributes().len() <= 2);
        seen.extend(page.attributes().iter().map(|a| a.name().to_owned()));
        token = page.next_token().map(str::to_owned);
        if token.is_none() {
            break;
        }
    }
    assert_eq!(seen.len(), total);
    let mut unique = seen.clone();
    unique.dedup();
    assert_eq!(unique, seen, "no attribute is listed twice");

    assert_eq!(
        err_code(
            client
                .list_attributes()
                .target_type(TargetType::ContainerInstance)
                .attribute_value("same")
                .send()
                .await
        ),
        "InvalidParameterException"
    );
    assert_eq!(
        err_code(
            client
                .list_attributes()
                .target_type(TargetType::ContainerInstance)
                .max_results(101)
                .send()
                .await
        ),
        "InvalidParameterException"
    );
    assert_eq!(
        err_code(
            client
                .list_attributes()
                .target_type(TargetType::ContainerInstance)
                .next_token("not hex")
                .send()
                .await
        ),
        "InvalidParameterException"
    );
    assert_eq!(
        err_code(
            client
                .list_attributes()
                .cluster("nope")
                .target_type(TargetType::ContainerInstance)
                .send()
                .await
        ),
        "ClusterNotFoundException"
    );
}
