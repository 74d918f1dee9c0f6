//! ECS services behind ELBv2 load balancers, through `aws-sdk-ecs` and
//! `aws-sdk-elasticloadbalancingv2` against a real server with one fake-runtime agent:
//! `loadBalancers` validation, registration of RUNNING tasks, health gating, deregistration
//! and draining before the service stops a task, and the replacement of a task whose target
//! fails its health checks.
//!
//! Target health is what the load balancer's data plane observes; these tests record it
//! through the data plane's own entry points (`App::elbv2_record_target_health`,
//! `App::elbv2_finish_draining`), so they test the service side's logic against the real
//! control plane.

mod api_support;
mod lb_wiring_support;

use std::time::Duration;

use api_support::{fake_cluster, register_with};
use aws_sdk_ecs::operation::create_service::builders::CreateServiceFluentBuilder;
use aws_sdk_ecs::types::{
    AwsVpcConfiguration, ContainerDefinition, DeploymentConfiguration, DesiredStatus, LoadBalancer,
    NetworkConfiguration, NetworkMode, PortMapping, Service, Task,
};
use aws_sdk_elasticloadbalancingv2 as elbv2;
use berth_api::elbv2::{TargetHealthReasonEnum, TargetHealthStateEnum};
use berth_server::app::elbv2::records::ObservedTargetHealth;
use berth_testkit::{wait_for, TestCluster};
use elbv2::types::{ProtocolEnum, TargetTypeEnum};
use lb_wiring_support::{balancer, client, free_port};

const WAIT: Duration = Duration::from_secs(20);

/// A target group of `target_type` whose targets drain for `delay` seconds, with a load
/// balancer whose listener forwards to it.
async fn target_group(
    elb: &elbv2::Client,
    name: &str,
    target_type: TargetTypeEnum,
    delay: u32,
) -> String {
    balancer(elb, name, free_port(), delay, target_type)
        .await
        .target_group
}

/// Creates service `web` of `desired` tasks of `web` registered in `tg`, with `configure`
/// applied to the request.
async fn create_web_service(
    cluster: &TestCluster,
    tg: &str,
    desired: i32,
    configure: impl FnOnce(CreateServiceFluentBuilder) -> CreateServiceFluentBuilder,
) {
    let request = cluster
        .client
        .create_service()
        .service_name("web")
        .task_definition("web")
        .desired_count(desired)
        .load_balancers(lb(tg, "web", 80));
    configure(request)
        .send()
        .await
        .expect("creating the service");
}

/// Waits until `service` has `n` tasks wanted running, all RUNNING, and `tg` `n` targets.
async fn wait_registered(
    cluster: &TestCluster,
    elb: &elbv2::Client,
    service: &str,
    tg: &str,
    n: usize,
) -> Vec<Task> {
    wait_for(&format!("{n} tasks registered"), WAIT, || async {
        let tasks = service_tasks(cluster, service, DesiredStatus::Running).await;
        let running = tasks.iter().all(|t| t.last_status() == Some("RUNNING"));
        (tasks.len() == n && running && targets(elb, tg).await.len() == n).then_some(tasks)
    })
    .await
}

async fn describe_task(cluster: &TestCluster, arn: &str) -> Task {
    cluster
        .client
        .describe_tasks()
        .tasks(arn)
        .send()
        .await
        .expect("describing a task")
        .tasks()[0]
        .clone()
}

async fn wait_stopped(cluster: &TestCluster, arn: &str) -> Task {
    wait_for("the task to stop", WAIT, || async {
        let task = describe_task(cluster, arn).await;
        (task.last_status() == Some("STOPPED")).then_some(task)
    })
    .await
}

/// `web` with container `web` publishing port 80 on a dynamic host port.
async fn register_web(cluster: &TestCluster) -> String {
    let web = ContainerDefinition::builder()
        .name("web")
        .image("busybox:latest")
        .memory(32)
        .port_mappings(
            PortMapping::builder()
                .container_port(80)
                .host_port(0)
                .build(),
        )
        .build();
    register_with(&cluster.client, "web", vec![web]).await
}

fn lb(tg: &str, container: &str, port: i32) -> LoadBalancer {
    LoadBalancer::builder()
        .target_group_arn(tg)
        .container_name(container)
        .container_port(port)
        .build()
}

async fn describe(cluster: &TestCluster, name: &str) -> Service {
    cluster
        .client
        .describe_services()
        .services(name)
        .send()
        .await
        .expect("describing the service")
        .services()[0]
        .clone()
}

fn events(service: &Service) -> Vec<String> {
    service
        .events()
        .iter()
        .filter_map(|e| e.message().map(str::to_owned))
        .collect()
}

async fn service_tasks(cluster: &TestCluster, name: &str, desired: DesiredStatus) -> Vec<Task> {
    let arns = cluster
        .client
        .list_tasks()
        .service_name(name)
        .desired_status(desired)
        .send()
        .await
        .expect("listing tasks")
        .task_arns()
        .to_vec();
    if arns.is_empty() {
        return Vec::new();
    }
    cluster
        .client
        .describe_tasks()
        .set_tasks(Some(arns))
        .send()
        .await
        .expect("describing tasks")
        .tasks()
        .to_vec()
}

/// (id, port, state) of a group's targets, sorted.
async fn targets(elb: &elbv2::Client, tg: &str) -> Vec<(String, i32, String)> {
    let mut out: Vec<(String, i32, String)> = elb
        .describe_target_health()
        .target_group_arn(tg)
        .send()
        .await
        .expect("describing target health")
        .target_health_descriptions()
        .iter()
        .map(|d| {
            let target = d.target().unwrap();
            (
                target.id().unwrap_or_default().to_owned(),
                target.port().unwrap_or_default(),
                d.target_health()
                    .and_then(|h| h.state())
                    .map(|s| s.as_str().to_owned())
                    .unwrap_or_default(),
            )
        })
        .collect();
    out.sort();
    out
}

/// The instance target a task should be registered as: its instance's `ec2InstanceId` and
/// the host port of its `web` container's port 80.
async fn target_of(cluster: &TestCluster, task: &Task) -> (String, i32) {
    let instance = cluster
        .client
        .describe_container_instances()
        .container_instances(task.container_instance_arn().unwrap())
        .send()
        .await
        .unwrap()
        .container_instances()[0]
        .ec2_instance_id()
        .unwrap()
        .to_owned();
    let port = task
        .containers()
        .iter()
        .find(|c| c.name() == Some("web"))
        .and_then(|c| c.network_bindings().first())
        .and_then(|b| b.host_port())
        .expect("a host port");
    (instance, port)
}

/// Records, as the data plane does, the health of `tg`'s present targets: `state` says
/// each one's (`None`: not checked yet, left out).
async fn report_health(cluster: &TestCluster, tg: &str, state: impl Fn(&str, u16) -> Option<bool>) {
    let app = &cluster.server.app;
    let config = app.elbv2_configuration();
    let group = config
        .target_groups
        .iter()
        .find(|g| g.target_group.arn == tg)
        .expect("the target group");
    let observed: Vec<ObservedTargetHealth> = group
        .targets
        .iter()
        .filter(|t| t.draining.is_none())
        .filter_map(|t| {
            let healthy = state(&t.id, t.port)?;
            Some(ObservedTargetHealth {
                id: t.id.clone(),
                port: t.port,
                registration: t.registration.clone(),
                state: if healthy {
                    TargetHealthStateEnum::Healthy
                } else {
                    TargetHealthStateEnum::Unhealthy
                },
                reason: (!healthy).then_some(TargetHealthReasonEnum::TargetResponseCodeMismatch),
                description: (!healthy)
                    .then(|| "Health checks failed with these codes: [500]".into()),
                observed_at: 0.0,
            })
        })
        .collect();
    app.elbv2_record_target_health(tg, &observed)
        .await
        .expect("recording target health");
}

/// The message of a call that must fail with InvalidParameterException.
fn refused<T: std::fmt::Debug, E, R>(
    result: Result<T, aws_sdk_ecs::error::SdkError<E, R>>,
) -> String
where
    E: aws_sdk_ecs::error::ProvideErrorMetadata + std::fmt::Debug,
    R: std::fmt::Debug,
{
    use aws_sdk_ecs::error::ProvideErrorMetadata;
    let err = result.expect_err("the call should fail");
    let message = err.message().unwrap_or_default().to_owned();
    assert_eq!(err.code(), Some("InvalidParameterException"), "{message}");
    message
}

#[tokio::test]
async fn load_balancers_are_checked_as_ecs_checks_them() {
    let cluster = fake_cluster().await;
    let elb = client(&cluster);
    register_web(&cluster).await;
    let instance_group = target_group(&elb, "inst", TargetTypeEnum::Instance, 0).await;
    let ip_group = target_group(&elb, "ips", TargetTypeEnum::Ip, 0).await;
    let lonely = elb
        .create_target_group()
        .name("lonely")
        .protocol(ProtocolEnum::Http)
        .port(80)
        .target_type(TargetTypeEnum::Instance)
        .send()
        .await
        .expect("creating a target group")
        .target_groups()[0]
        .target_group_arn()
        .unwrap()
        .to_owned();
    let missing = instance_group.replace("/inst/", "/gone/");

    let create = |lbs: Vec<LoadBalancer>| {
        cluster
            .client
            .create_service()
            .service_name("web")
            .task_definition("web")
            .desired_count(1)
            .set_load_balancers(Some(lbs))
    };
    let cases: Vec<(Vec<LoadBalancer>, String)> = vec![
        (
            vec![lb(&lonely, "web", 80)],
            format!("The target group with targetGroupArn {lonely} does not have an associated load balancer."),
        ),
        (
            vec![lb(&missing, "web", 80)],
            format!("The target group with targetGroupArn {missing} does not exist."),
        ),
        (
            vec![lb(&instance_group, "nope", 80)],
            "The container nope does not exist in the task definition.".into(),
        ),
        (
            vec![lb(&instance_group, "web", 81)],
            "The container web did not have a container port 81 defined.".into(),
        ),
        (
            vec![lb(&ip_group, "web", 80)],
            format!("The provided target group {ip_group} has target type ip, which is incompatible with the bridge network mode specified in the task definition."),
        ),
        (
            vec![lb(&instance_group, "web", 80), lb(&instance_group, "web", 80)],
            "is listed more than once".into(),
        ),
        (
            vec![LoadBalancer::builder()
                .load_balancer_name("classic")
                .container_name("web")
                .container_port(80)
                .build()],
            "loadBalancerName".into(),
        ),
        (
            (0..6).map(|_| lb(&instance_group, "web", 80)).collect(),
            "at most 5".into(),
        ),
    ];
    for (lbs, expected) in cases {
        let message = refused(create(lbs).send().await);
        assert!(
            message.contains(&expected),
            "{message:?} should say {expected:?}"
        );
    }
    // `role`: only with load balancers, and it must exist.
    let message = refused(create(Vec::new()).role("ecsServiceRole").send().await);
    assert!(
        message.contains("'role' is only allowed with 'loadBalancers'"),
        "{message}"
    );
    let message = refused(
        create(vec![lb(&instance_group, "web", 80)])
            .role("ecsServiceRole")
            .send()
            .await,
    );
    assert!(message.contains("does not exist"), "{message}");
    // Nothing was created by a refused call.
    let listed = cluster.client.list_services().send().await.unwrap();
    assert!(listed.service_arns().is_empty(), "{listed:?}");

    let created = create(vec![lb(&instance_group, "web", 80)])
        .send()
        .await
        .expect("creating the service")
        .service
        .unwrap();
    assert_eq!(created.load_balancers(), [lb(&instance_group, "web", 80)]);
    let first = created.deployments()[0].id().unwrap().to_owned();

    // UpdateService checks the same way, and a change is a new deployment.
    let message = refused(
        cluster
            .client
            .update_service()
            .service("web")
            .load_balancers(lb(&lonely, "web", 80))
            .send()
            .await,
    );
    assert!(
        message.contains("does not have an associated load balancer"),
        "{message}"
    );
    let updated = cluster
        .client
        .update_service()
        .service("web")
        .set_load_balancers(Some(Vec::new()))
        .send()
        .await
        .expect("removing the load balancers")
        .service
        .unwrap();
    assert!(updated.load_balancers().is_empty());
    assert_eq!(updated.deployments().len(), 2);
    assert_ne!(updated.deployments()[0].id(), Some(first.as_str()));
    let described = describe(&cluster, "web").await;
    assert!(described.load_balancers().is_empty());
}

#[tokio::test]
async fn tasks_register_when_running_count_healthy_only_when_healthy_and_drain_before_stopping() {
    let cluster = fake_cluster().await;
    let elb = client(&cluster);
    register_web(&cluster).await;
    // A long delay: the drains below end because the data plane says so.
    let tg = target_group(&elb, "web", TargetTypeEnum::Instance, 600).await;
    create_web_service(&cluster, &tg, 2, |r| r).await;

    // Each RUNNING task is registered: its instance and its host port.
    let first_tasks = wait_registered(&cluster, &elb, "web", &tg, 2).await;
    let mut expected = Vec::new();
    for task in &first_tasks {
        let (id, port) = target_of(&cluster, task).await;
        expected.push((id, port, "initial".to_owned()));
    }
    expected.sort();
    assert_eq!(targets(&elb, &tg).await, expected);
    let service = describe(&cluster, "web").await;
    assert!(
        events(&service).iter().any(|e| e
            == &format!("(service web) registered 1 targets in (target-group {tg})")
            || e == &format!("(service web) registered 2 targets in (target-group {tg})")),
        "{:?}",
        events(&service)
    );
    // Targets still `initial`: the deployment cannot be complete.
    assert_eq!(
        service.deployments()[0].rollout_state().map(|s| s.as_str()),
        Some("IN_PROGRESS")
    );

    report_health(&cluster, &tg, |_, _| Some(true)).await;
    wait_for("the deployment to complete", WAIT, || async {
        let service = describe(&cluster, "web").await;
        (service.deployments()[0].rollout_state().map(|s| s.as_str()) == Some("COMPLETED"))
            .then_some(())
    })
    .await;

    // A new deployment: two new tasks, registered, of which only one turns healthy.
    cluster
        .client
        .update_service()
        .service("web")
        .force_new_deployment(true)
        .send()
        .await
        .unwrap();
    let old: Vec<String> = first_tasks
        .iter()
        .map(|t| t.task_arn().unwrap().to_owned())
        .collect();
    let new_tasks = wait_for("2 new tasks registered", WAIT, || async {
        let tasks: Vec<Task> = service_tasks(&cluster, "web", DesiredStatus::Running)
            .await
            .into_iter()
            .filter(|t| !old.iter().any(|o| Some(o.as_str()) == t.task_arn()))
            .collect();
        let running = tasks
            .iter()
            .filter(|t| t.last_status() == Some("RUNNING"))
            .count();
        (running == 2 && targets(&elb, &tg).await.len() == 4).then_some(tasks)
    })
    .await;
    let healthy_new = target_of(&cluster, &new_tasks[0]).await;
    let old_targets: Vec<(String, i32)> = {
        let mut out = Vec::new();
        for task in &first_tasks {
            out.push(target_of(&cluster, task).await);
        }
        out
    };
    report_health(&cluster, &tg, |id, port| {
        let target = (id.to_owned(), i32::from(port));
        (old_targets.contains(&target) || target == healthy_new).then_some(true)
    })
    .await;

    // With 100% minimum healthy, one healthy new task frees exactly one old one: the
    // scheduler asks it to stop, deregisters it, and it is DEACTIVATING while it drains.
    let deactivating = wait_for("an old task deactivating", WAIT, || async {
        let stopping = service_tasks(&cluster, "web", DesiredStatus::Stopped).await;
        let states = targets(&elb, &tg).await;
        let draining = states.iter().filter(|t| t.2 == "draining").count();
        (stopping.len() == 1 && draining == 1).then(|| stopping[0].clone())
    })
    .await;
    assert!(old
        .iter()
        .any(|o| Some(o.as_str()) == deactivating.task_arn()));
    assert_eq!(deactivating.last_status(), Some("DEACTIVATING"));
    let drained = target_of(&cluster, &deactivating).await;
    assert!(targets(&elb, &tg).await.contains(&(
        drained.0.clone(),
        drained.1,
        "draining".to_owned()
    )));
    let service = describe(&cluster, "web").await;
    assert!(
        events(&service).contains(&format!(
            "(service web) deregistered 1 targets in (target-group {tg})"
        )),
        "{:?}",
        events(&service)
    );
    // Still one old task running and healthy: the minimum holds.
    assert_eq!(
        service_tasks(&cluster, "web", DesiredStatus::Running)
            .await
            .len(),
        3
    );

    // The data plane reports nothing in flight: the target goes, then the task stops.
    let drained_at = std::time::SystemTime::now();
    cluster
        .server
        .app
        .elbv2_finish_draining(&tg, &[(drained.0.clone(), drained.1 as u16)])
        .await
        .unwrap();
    let stopped = wait_stopped(&cluster, deactivating.task_arn().unwrap()).await;
    let stopped_at = stopped.stopped_at().expect("a stoppedAt");
    let stopped_at = std::time::SystemTime::UNIX_EPOCH
        + Duration::from_secs_f64(
            stopped_at.secs() as f64 + f64::from(stopped_at.subsec_nanos()) / 1e9,
        );
    assert!(
        stopped_at + Duration::from_millis(5) >= drained_at,
        "the task stopped before its target drained"
    );
    assert_eq!(
        stopped.stop_code().map(|c| c.as_str()),
        Some("ServiceSchedulerInitiated")
    );
    assert!(stopped
        .stopped_reason()
        .is_some_and(|r| r.starts_with("Scaling activity initiated by (deployment ecs-svc/")));
    assert!(!targets(&elb, &tg)
        .await
        .iter()
        .any(|t| (t.0.as_str(), t.1) == (drained.0.as_str(), drained.1)));
}

#[tokio::test]
async fn a_task_failing_elb_health_checks_is_replaced_after_the_grace_period() {
    let cluster = fake_cluster().await;
    let elb = client(&cluster);
    register_web(&cluster).await;
    let tg = target_group(&elb, "web", TargetTypeEnum::Instance, 0).await;
    create_web_service(&cluster, &tg, 1, |r| {
        r.health_check_grace_period_seconds(3600)
            .deployment_configuration(
                DeploymentConfiguration::builder()
                    .minimum_healthy_percent(0)
                    .maximum_percent(200)
                    .build(),
            )
    })
    .await;
    let first = wait_registered(&cluster, &elb, "web", &tg, 1)
        .await
        .remove(0);
    let task_id = first
        .task_arn()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();

    // Unhealthy within the grace period: not replaced.
    report_health(&cluster, &tg, |_, _| Some(false)).await;
    assert_eq!(targets(&elb, &tg).await[0].2, "unhealthy");
    let still = service_tasks(&cluster, "web", DesiredStatus::Running).await;
    assert_eq!(still.len(), 1);
    assert_eq!(still[0].task_arn(), first.task_arn());

    // The grace period over: replaced, with ECS's words.
    cluster
        .client
        .update_service()
        .service("web")
        .health_check_grace_period_seconds(0)
        .send()
        .await
        .unwrap();
    let stopped = wait_stopped(&cluster, first.task_arn().unwrap()).await;
    assert_eq!(
        stopped.stopped_reason(),
        Some(format!("Task failed ELB health checks in (target-group {tg})").as_str())
    );
    let replacement = wait_for("a replacement registered", WAIT, || async {
        let tasks = service_tasks(&cluster, "web", DesiredStatus::Running).await;
        let registered = targets(&elb, &tg).await;
        (tasks.len() == 1 && tasks[0].task_arn() != first.task_arn() && registered.len() == 1)
            .then(|| tasks[0].clone())
    })
    .await;
    let (id, port) = target_of(&cluster, &replacement).await;
    assert_eq!(targets(&elb, &tg).await, [(id, port, "initial".to_owned())]);
    let service = describe(&cluster, "web").await;
    assert!(
        events(&service).contains(&format!(
            "(service web) (task {task_id}) failed ELB health checks in (target-group {tg})"
        )),
        "{:?}",
        events(&service)
    );
}

#[tokio::test]
async fn a_task_stopped_by_the_user_is_deregistered_at_once() {
    let cluster = fake_cluster().await;
    let elb = client(&cluster);
    register_web(&cluster).await;
    // The default delay (300 s): the task must not wait for it.
    let tg = target_group(&elb, "web", TargetTypeEnum::Instance, 300).await;
    create_web_service(&cluster, &tg, 1, |r| r).await;
    let task = wait_registered(&cluster, &elb, "web", &tg, 1)
        .await
        .remove(0);
    let (id, port) = target_of(&cluster, &task).await;
    cluster
        .client
        .stop_task()
        .task(task.task_arn().unwrap())
        .send()
        .await
        .unwrap();
    wait_for("the task stopped and its target draining", WAIT, || async {
        let described = describe_task(&cluster, task.task_arn().unwrap()).await;
        let draining =
            targets(&elb, &tg)
                .await
                .contains(&(id.clone(), port, "draining".to_owned()));
        (described.last_status() == Some("STOPPED") && draining).then_some(())
    })
    .await;
}

#[tokio::test]
async fn awsvpc_tasks_are_registered_as_ip_targets() {
    let cluster = fake_cluster().await;
    let elb = client(&cluster);
    let subnet = cluster
        .server
        .app
        .create_subnet("10.78.0.0/16", "lb", 24)
        .await
        .expect("a subnet")
        .id;
    let web = ContainerDefinition::builder()
        .name("web")
        .image("busybox:latest")
        .memory(32)
        .port_mappings(PortMapping::builder().container_port(8080).build())
        .build();
    cluster
        .client
        .register_task_definition()
        .family("vpc")
        .network_mode(NetworkMode::Awsvpc)
        .container_definitions(web)
        .send()
        .await
        .expect("registering vpc");
    let ips = target_group(&elb, "ips", TargetTypeEnum::Ip, 0).await;
    let instances = target_group(&elb, "inst", TargetTypeEnum::Instance, 0).await;
    let network = NetworkConfiguration::builder()
        .awsvpc_configuration(
            AwsVpcConfiguration::builder()
                .subnets(&subnet)
                .build()
                .unwrap(),
        )
        .build();
    let create = || {
        cluster
            .client
            .create_service()
            .service_name("vpc")
            .task_definition("vpc")
            .desired_count(1)
            .network_configuration(network.clone())
    };
    // awsvpc tasks need ip target groups, and the service-linked role.
    let message = refused(
        create()
            .load_balancers(lb(&instances, "web", 8080))
            .send()
            .await,
    );
    assert!(
        message.contains(
            "has target type instance, which is incompatible with the awsvpc network mode"
        ),
        "{message}"
    );
    let message = refused(
        create()
            .load_balancers(lb(&ips, "web", 8080))
            .role("anything")
            .send()
            .await,
    );
    assert!(message.contains("service linked role"), "{message}");

    create()
        .load_balancers(lb(&ips, "web", 8080))
        .send()
        .await
        .expect("creating the service");
    let task = wait_registered(&cluster, &elb, "vpc", &ips, 1)
        .await
        .remove(0);
    let address = task.attachments()[0]
        .details()
        .iter()
        .find(|d| d.name() == Some("privateIPv4Address"))
        .and_then(|d| d.value())
        .expect("an address")
        .to_owned();
    assert_eq!(
        targets(&elb, &ips).await,
        [(address, 8080, "initial".to_owned())]
    );
}

#[tokio::test]
async fn a_draining_task_is_still_held_after_a_server_restart() {
    let mut cluster = fake_cluster().await;
    let elb = client(&cluster);
    register_web(&cluster).await;
    let tg = target_group(&elb, "web", TargetTypeEnum::Instance, 600).await;
    create_web_service(&cluster, &tg, 1, |r| r).await;
    let task = wait_registered(&cluster, &elb, "web", &tg, 1)
        .await
        .remove(0);
    let arn = task.task_arn().unwrap().to_owned();
    let (id, port) = target_of(&cluster, &task).await;
    cluster
        .client
        .update_service()
        .service("web")
        .desired_count(0)
        .send()
        .await
        .unwrap();
    let draining = (id.clone(), port, "draining".to_owned());
    wait_for("the task deactivating", WAIT, || async {
        let task = describe_task(&cluster, &arn).await;
        (task.last_status() == Some("DEACTIVATING") && targets(&elb, &tg).await.contains(&draining))
            .then_some(())
    })
    .await;

    cluster.restart().await;
    let elb = client(&cluster);
    // The hold is in the store: after the restart the task still runs while it drains.
    let task = describe_task(&cluster, &arn).await;
    assert_eq!(task.last_status(), Some("DEACTIVATING"));
    assert_eq!(targets(&elb, &tg).await, [draining]);

    cluster
        .server
        .app
        .elbv2_finish_draining(&tg, &[(id, port as u16)])
        .await
        .unwrap();
    let stopped = wait_stopped(&cluster, &arn).await;
    assert_eq!(
        stopped.stop_code().map(|c| c.as_str()),
        Some("ServiceSchedulerInitiated")
    );
    assert!(targets(&elb, &tg).await.is_empty());
}
