//! ListContainerInstances and DescribeContainerInstances through `aws-sdk-ecs`, with one
//! agent over the fake runtime: the instance ARN, registered and remaining resources
//! (CPU, MEMORY, PORTS, PORTS_UDP) as tasks come and go, agentConnected, task counts,
//! the cluster query language filter, and MISSING failures.

mod api_support;

use api_support::{
    assert_instance_arn, container_with_port, err_code, fake_cluster, register_with, resource,
    run_one, PREFIX, TASK_TIMEOUT,
};
use aws_sdk_ecs::types::{ContainerDefinition, ContainerInstance, ContainerInstanceStatus};
use berth_testkit::{wait_for, TestCluster};

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

fn integer(instance: &ContainerInstance, remaining: bool, name: &str) -> i32 {
    let resources = if remaining {
        instance.remaining_resources()
    } else {
        instance.registered_resources()
    };
    resource(resources, name).integer_value()
}

fn ports(instance: &ContainerInstance, remaining: bool, name: &str) -> Vec<String> {
    let resources = if remaining {
        instance.remaining_resources()
    } else {
        instance.registered_resources()
    };
    let resource = resource(resources, name);
    assert_eq!(resource.r#type(), Some("STRINGSET"));
    resource.string_set_value().to_vec()
}

#[tokio::test]
async fn the_registered_instance_is_listed_and_described() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    let arns = client
        .list_container_instances()
        .send()
        .await
        .unwrap()
        .container_instance_arns()
        .to_vec();
    assert_eq!(arns.len(), 1);
    let id = assert_instance_arn(&arns[0], "default");

    let instance = describe(&cluster, &arns[0]).await;
    assert_eq!(instance.container_instance_arn(), Some(arns[0].as_str()));
    assert_eq!(instance.status(), Some("ACTIVE"));
    assert!(instance.agent_connected());
    assert_eq!(instance.running_tasks_count(), 0);
    assert_eq!(instance.pending_tasks_count(), 0);
    assert!(instance.registered_at().is_some());
    assert!(instance
        .version_info()
        .and_then(|v| v.agent_version())
        .is_some());

    // The fake runtime reports 4096 CPU units and 16384 MiB; the agent reserves its ports.
    assert_eq!(integer(&instance, false, "CPU"), 4096);
    assert_eq!(integer(&instance, false, "MEMORY"), 16384);
    assert_eq!(
        resource(instance.registered_resources(), "CPU").r#type(),
        Some("INTEGER")
    );
    let reserved = ports(&instance, false, "PORTS");
    for port in ["22", "2375", "2376", "51678", "51679"] {
        assert!(
            reserved.contains(&port.to_owned()),
            "{port} in {reserved:?}"
        );
    }
    assert!(ports(&instance, false, "PORTS_UDP").is_empty());
    assert_eq!(integer(&instance, true, "CPU"), 4096);
    assert_eq!(integer(&instance, true, "MEMORY"), 16384);

    let os = instance
        .attributes()
        .iter()
        .find(|a| a.name() == "ecs.os-type")
        .expect("ecs.os-type");
    assert_eq!(os.value(), Some("linux"));

    // By bare ID too, and by the `cluster` parameter as an ARN.
    let by_id = client
        .describe_container_instances()
        .cluster(format!("{PREFIX}cluster/default"))
        .container_instances(&id)
        .send()
        .await
        .unwrap();
    assert_eq!(
        by_id.container_instances()[0].container_instance_arn(),
        Some(arns[0].as_str())
    );

    let active = client
        .list_container_instances()
        .status(ContainerInstanceStatus::Active)
        .send()
        .await
        .unwrap();
    assert_eq!(active.container_instance_arns(), arns.as_slice());
    let draining = client
        .list_container_instances()
        .status(ContainerInstanceStatus::Draining)
        .send()
        .await
        .unwrap();
    assert!(draining.container_instance_arns().is_empty());
}

#[tokio::test]
async fn remaining_resources_follow_tasks() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    let arn = cluster.wait_for_instances(1).await.remove(0);
    let app = ContainerDefinition::builder()
        .name("app")
        .image("busybox")
        .cpu(256)
        .memory(512)
        .port_mappings(
            aws_sdk_ecs::types::PortMapping::builder()
                .container_port(80)
                .host_port(8080)
                .build(),
        )
        .port_mappings(
            aws_sdk_ecs::types::PortMapping::builder()
                .container_port(53)
                .host_port(5353)
                .protocol(aws_sdk_ecs::types::TransportProtocol::Udp)
                .build(),
        )
        .build();
    register_with(client, "web", vec![app]).await;
    register_with(
        client,
        "other",
        vec![container_with_port("app", 100, 81, 8081)],
    )
    .await;

    let task = run_one(&cluster, "web")
        .await
        .task_arn()
        .unwrap()
        .to_owned();
    let instance = describe(&cluster, &arn).await;
    assert_eq!(integer(&instance, true, "CPU"), 4096 - 256);
    assert_eq!(integer(&instance, true, "MEMORY"), 16384 - 512);
    assert!(ports(&instance, true, "PORTS").contains(&"8080".to_owned()));
    assert_eq!(ports(&instance, true, "PORTS_UDP"), vec!["5353".to_owned()]);
    assert_eq!(
        integer(&instance, false, "MEMORY"),
        16384,
        "registered resources do not change"
    );

    run_one(&cluster, "other").await;
    let instance = describe(&cluster, &arn).await;
    assert_eq!(integer(&instance, true, "MEMORY"), 16384 - 512 - 100);
    assert!(ports(&instance, true, "PORTS").contains(&"8081".to_owned()));

    let instance = wait_for("two running tasks on the instance", TASK_TIMEOUT, || {
        let cluster = &cluster;
        let arn = arn.clone();
        async move {
            let instance = describe(cluster, &arn).await;
            (instance.running_tasks_count() == 2).then_some(instance)
        }
    })
    .await;
    assert_eq!(instance.pending_tasks_count(), 0);

    // Once the task is STOPPED its resources are free again.
    client.stop_task().task(&task).send().await.unwrap();
    cluster
        .wait_for_task_status(&task, "STOPPED", TASK_TIMEOUT)
        .await;
    let instance = describe(&cluster, &arn).await;
    assert_eq!(integer(&instance, true, "CPU"), 4096);
    assert_eq!(integer(&instance, true, "MEMORY"), 16384 - 100);
    assert!(!ports(&instance, true, "PORTS").contains(&"8080".to_owned()));
    assert!(ports(&instance, true, "PORTS_UDP").is_empty());
    assert_eq!(instance.running_tasks_count(), 1);
}

#[tokio::test]
async fn list_filters_with_the_cluster_query_language() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    let all = cluster.wait_for_instances(1).await;

    let linux = client
        .list_container_instances()
        .filter("attribute:ecs.os-type == linux")
        .send()
        .await
        .unwrap();
    assert_eq!(linux.container_instance_arns(), all.as_slice());
    let windows = client
        .list_container_instances()
        .filter("attribute:ecs.os-type == windows")
        .send()
        .await
        .unwrap();
    assert!(windows.container_instance_arns().is_empty());
    let absent = client
        .list_container_instances()
        .filter("attribute:no-such-attribute exists")
        .send()
        .await
        .unwrap();
    assert!(absent.container_instance_arns().is_empty());

    assert_eq!(
        err_code(
            client
                .list_container_instances()
                .filter("attribute:ecs.os-type ==")
                .send()
                .await
        ),
        "InvalidParameterException"
    );

    let page = client
        .list_container_instances()
        .max_results(1)
        .send()
        .await
        .unwrap();
    assert_eq!(page.container_instance_arns(), all.as_slice());
    assert!(page.next_token().is_none());
}

#[tokio::test]
async fn describing_missing_instances_gives_failures() {
    let cluster = fake_cluster().await;
    let client = &cluster.client;
    let arn = cluster.wait_for_instances(1).await.remove(0);
    let missing = format!("{PREFIX}container-instance/default/00000000000000000000000000000000");
    let out = client
        .describe_container_instances()
        .container_instances(&arn)
        .container_instances(&missing)
        .send()
        .await
        .unwrap();
    assert_eq!(out.container_instances().len(), 1);
    assert_eq!(out.failures().len(), 1);
    assert_eq!(out.failures()[0].arn(), Some(missing.as_str()));
    assert_eq!(out.failures()[0].reason(), Some("MISSING"));

    // The instance is not in another cluster.
    client
        .create_cluster()
        .cluster_name("empty")
        .send()
        .await
        .unwrap();
    let elsewhere = client
        .describe_container_instances()
        .cluster("empty")
        .container_instances(&arn)
        .send()
        .await
        .unwrap();
    assert!(elsewhere.container_instances().is_empty());
    assert_eq!(elsewhere.failures()[0].reason(), Some("MISSING"));
    let listed = client
        .list_container_instances()
        .cluster("empty")
        .send()
        .await
        .unwrap();
    assert!(listed.container_instance_arns().is_empty());

    assert_eq!(
        err_code(client.describe_container_instances().send().await),
        "InvalidParameterException",
        "containerInstances is required"
    );
}
