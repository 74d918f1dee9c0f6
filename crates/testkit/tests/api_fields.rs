//! Refusals with teeth: every member `berth_server::fields` lists as refused is sent, with a
//! sample value, through a real server by `aws-sdk-ecs`, on top of a request that succeeds
//! without it. Each must fail at the call with the expected exception, a message that names
//! the member, and no change to task definitions, tasks or services.
//!
//! A refused entry without a sample here fails the test, so a refusal cannot be added to
//! the table without being proved.

// Elastic Inference is retired and deprecated in the SDK; the test sends it on purpose to
// prove berth refuses it.
#![allow(deprecated)]

mod api_support;

use std::collections::BTreeSet;

use api_support::{container, err_code, fake_cluster, register, TASK_TIMEOUT};
use aws_sdk_ecs::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_ecs::types::{
    AdvancedConfiguration, AssignPublicIp, AvailabilityZoneRebalancing, AwsVpcConfiguration,
    CanaryConfiguration, CapacityProviderStrategyItem, ContainerDefinition, ContainerOverride,
    CpuArchitecture, DeploymentAlarms, DeploymentConfiguration, DeploymentController,
    DeploymentControllerType, DeploymentLifecycleHook, DeploymentLifecycleHookStage,
    DeploymentStrategy, DesiredStatus, EfsVolumeConfiguration, EnvironmentFile,
    EnvironmentFileType, EphemeralStorage, FSxWindowsFileServerAuthorizationConfig,
    FSxWindowsFileServerVolumeConfiguration, FirelensConfiguration, FirelensConfigurationType,
    InferenceAccelerator, InferenceAcceleratorOverride, LaunchType, LinearConfiguration,
    LoadBalancer, LogConfiguration, LogDriver, NetworkConfiguration, OsFamily, PropagateTags,
    ProxyConfiguration, ResourceRequirement, ResourceType, RuntimePlatform,
    S3FilesVolumeConfiguration, Secret, ServiceConnectConfiguration, ServiceRegistry,
    ServiceVolumeConfiguration, TaskDefinitionStatus, TaskOverride, TaskVolumeConfiguration,
    VersionConsistency, Volume, VpcLatticeConfiguration,
};
use aws_sdk_ecs::Client;
use berth_server::fields::{refused_fields, REQUESTS};
use berth_testkit::{wait_for, TestCluster};

/// The family every launch request runs; registered by the test.
const BASE: &str = "base";
/// The service UpdateService cases change (or rather, must not change).
const SERVICE: &str = "svc";

/// Which call a sample went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Call {
    Register,
    RunTask,
    StartTask,
    CreateService,
    UpdateService,
}

impl Call {
    /// ECS reports task definition rules as ClientException, request parameters as
    /// InvalidParameterException.
    fn expected_exception(self) -> &'static str {
        match self {
            Call::Register => "ClientException",
            _ => "InvalidParameterException",
        }
    }
}

/// What a refused call answered: (exception, message).
type Answer = Result<(), (String, String)>;

fn answer<T, E, R>(result: Result<T, SdkError<E, R>>) -> Answer
where
    E: ProvideErrorMetadata + std::fmt::Debug,
    R: std::fmt::Debug,
{
    match result {
        Ok(_) => Ok(()),
        Err(SdkError::ServiceError(e)) => Err((
            e.err().code().unwrap_or("<no code>").to_owned(),
            e.err().message().unwrap_or_default().to_owned(),
        )),
        Err(other) => Err((format!("<not a service error: {other:?}>"), String::new())),
    }
}

struct Ctx {
    client: Client,
    instance: String,
}

fn app() -> aws_sdk_ecs::types::builders::ContainerDefinitionBuilder {
    ContainerDefinition::builder()
        .name("app")
        .image("busybox:latest")
        .memory(64)
}

fn log(driver: LogDriver, options: &[(&str, &str)]) -> LogConfiguration {
    let mut builder = LogConfiguration::builder().log_driver(driver);
    for (k, v) in options {
        builder = builder.options(*k, *v);
    }
    builder.build().unwrap()
}

fn s3_env_file() -> EnvironmentFile {
    EnvironmentFile::builder()
        .value("arn:aws:s3:::bucket/app.env")
        .r#type(EnvironmentFileType::S3)
        .build()
        .unwrap()
}

fn inference_requirement() -> ResourceRequirement {
    ResourceRequirement::builder()
        .r#type(ResourceType::InferenceAccelerator)
        .value("device_1")
        .build()
        .unwrap()
}

fn awsvpc() -> NetworkConfiguration {
    NetworkConfiguration::builder()
        .awsvpc_configuration(
            AwsVpcConfiguration::builder()
                .subnets("subnet-0123456789abcdef0")
                .assign_public_ip(AssignPublicIp::Enabled)
                .build()
                .unwrap(),
        )
        .build()
}

fn capacity_provider() -> CapacityProviderStrategyItem {
    CapacityProviderStrategyItem::builder()
        .capacity_provider("FARGATE_SPOT")
        .build()
        .unwrap()
}

impl Ctx {
    /// Registers `family` with one container built by `edit` and the task-level changes of
    /// `task`.
    async fn register(
        &self,
        edit: impl FnOnce(
            aws_sdk_ecs::types::builders::ContainerDefinitionBuilder,
        ) -> aws_sdk_ecs::types::builders::ContainerDefinitionBuilder,
        task: impl FnOnce(
            aws_sdk_ecs::operation::register_task_definition::builders::RegisterTaskDefinitionFluentBuilder,
        ) -> aws_sdk_ecs::operation::register_task_definition::builders::RegisterTaskDefinitionFluentBuilder,
    ) -> Answer {
        let request = self
            .client
            .register_task_definition()
            .family("refused")
            .container_definitions(edit(app()).build());
        answer(task(request).send().await)
    }

    async fn register_task(
        &self,
        task: impl FnOnce(
            aws_sdk_ecs::operation::register_task_definition::builders::RegisterTaskDefinitionFluentBuilder,
        ) -> aws_sdk_ecs::operation::register_task_definition::builders::RegisterTaskDefinitionFluentBuilder,
    ) -> Answer {
        self.register(|c| c, task).await
    }

    async fn register_container(
        &self,
        edit: impl FnOnce(
            aws_sdk_ecs::types::builders::ContainerDefinitionBuilder,
        ) -> aws_sdk_ecs::types::builders::ContainerDefinitionBuilder,
    ) -> Answer {
        self.register(edit, |t| t).await
    }

    async fn register_volume(&self, volume: Volume) -> Answer {
        self.register_task(|t| t.volumes(volume)).await
    }

    fn run(&self) -> aws_sdk_ecs::operation::run_task::builders::RunTaskFluentBuilder {
        self.client.run_task().task_definition(BASE)
    }

    fn start(&self) -> aws_sdk_ecs::operation::start_task::builders::StartTaskFluentBuilder {
        self.client
            .start_task()
            .task_definition(BASE)
            .container_instances(&self.instance)
    }

    fn create(
        &self,
    ) -> aws_sdk_ecs::operation::create_service::builders::CreateServiceFluentBuilder {
        self.client
            .create_service()
            .service_name("refused")
            .task_definition(BASE)
            .desired_count(0)
    }

    fn update(
        &self,
    ) -> aws_sdk_ecs::operation::update_service::builders::UpdateServiceFluentBuilder {
        self.client.update_service().service(SERVICE)
    }

    /// RunTask and StartTask with these overrides.
    async fn with_overrides(&self, overrides: TaskOverride) -> Vec<(Call, Answer)> {
        vec![
            (
                Call::RunTask,
                answer(self.run().overrides(overrides.clone()).send().await),
            ),
            (
                Call::StartTask,
                answer(self.start().overrides(overrides).send().await),
            ),
        ]
    }

    /// CreateService and UpdateService with this deployment configuration.
    async fn with_deployment(&self, config: DeploymentConfiguration) -> Vec<(Call, Answer)> {
        vec![
            (
                Call::CreateService,
                answer(
                    self.create()
                        .deployment_configuration(config.clone())
                        .send()
                        .await,
                ),
            ),
            (
                Call::UpdateService,
                answer(self.update().deployment_configuration(config).send().await),
            ),
        ]
    }

    /// Sends the sample of a refused member; `None` when this test has no sample for it.
    async fn send_refused(&self, path: &str) -> Option<Vec<(Call, Answer)>> {
        use Call::*;
        let one = |call: Call, result: Answer| Some(vec![(call, result)]);
        match path {
            // RegisterTaskDefinition
            "RegisterTaskDefinitionRequest.proxyConfiguration" => one(
                Register,
                self.register_task(|t| {
                    t.proxy_configuration(
                        ProxyConfiguration::builder()
                            .container_name("app")
                            .build()
                            .unwrap(),
                    )
                })
                .await,
            ),
            "RegisterTaskDefinitionRequest.inferenceAccelerators" => one(
                Register,
                self.register_task(|t| {
                    t.inference_accelerators(
                        InferenceAccelerator::builder()
                            .device_name("device_1")
                            .device_type("eia2.medium")
                            .build()
                            .unwrap(),
                    )
                })
                .await,
            ),
            "RegisterTaskDefinitionRequest.ephemeralStorage" => one(
                Register,
                self.register_task(|t| {
                    t.ephemeral_storage(EphemeralStorage::builder().size_in_gib(30).build())
                })
                .await,
            ),
            "RegisterTaskDefinitionRequest.runtimePlatform.operatingSystemFamily" => one(
                Register,
                self.register_task(|t| {
                    t.runtime_platform(
                        RuntimePlatform::builder()
                            .operating_system_family(OsFamily::WindowsServer2022Core)
                            .build(),
                    )
                })
                .await,
            ),
            "RegisterTaskDefinitionRequest.enableFaultInjection" => one(
                Register,
                self.register_task(|t| t.enable_fault_injection(true)).await,
            ),
            // ContainerDefinition
            "ContainerDefinition.environmentFiles" => one(
                Register,
                self.register_container(|c| c.environment_files(s3_env_file()))
                    .await,
            ),
            "ContainerDefinition.versionConsistency" => one(
                Register,
                self.register_container(|c| c.version_consistency(VersionConsistency::Enabled))
                    .await,
            ),
            "ContainerDefinition.logConfiguration.logDriver" => one(
                Register,
                self.register_container(|c| c.log_configuration(log(LogDriver::Gelf, &[])))
                    .await,
            ),
            "ContainerDefinition.logConfiguration.options" => one(
                Register,
                self.register_container(|c| {
                    c.log_configuration(log(LogDriver::JsonFile, &[("awslogs-group", "/ecs")]))
                })
                .await,
            ),
            "ContainerDefinition.logConfiguration.secretOptions" => one(
                Register,
                self.register_container(|c| {
                    let mut config = log(LogDriver::JsonFile, &[]);
                    config.secret_options = Some(vec![Secret::builder()
                        .name("token")
                        .value_from("arn:aws:secretsmanager:us-east-1:000000000000:secret:t")
                        .build()
                        .unwrap()]);
                    c.log_configuration(config)
                })
                .await,
            ),
            "ContainerDefinition.resourceRequirements.type" => one(
                Register,
                self.register_container(|c| c.resource_requirements(inference_requirement()))
                    .await,
            ),
            "ContainerDefinition.firelensConfiguration" => one(
                Register,
                self.register_container(|c| {
                    c.firelens_configuration(
                        FirelensConfiguration::builder()
                            .r#type(FirelensConfigurationType::Fluentbit)
                            .build()
                            .unwrap(),
                    )
                })
                .await,
            ),
            "ContainerDefinition.credentialSpecs" => one(
                Register,
                self.register_container(|c| {
                    c.credential_specs("credentialspecdomainless:arn:aws:s3:::bucket/spec.json")
                })
                .await,
            ),
            // Volume
            "Volume.efsVolumeConfiguration" => one(
                Register,
                self.register_volume(
                    Volume::builder()
                        .name("efs")
                        .efs_volume_configuration(
                            EfsVolumeConfiguration::builder()
                                .file_system_id("fs-0123456789abcdef0")
                                .build()
                                .unwrap(),
                        )
                        .build(),
                )
                .await,
            ),
            "Volume.s3filesVolumeConfiguration" => one(
                Register,
                self.register_volume(
                    Volume::builder()
                        .name("s3files")
                        .s3files_volume_configuration(
                            S3FilesVolumeConfiguration::builder()
                                .file_system_arn(
                                    "arn:aws:s3files:us-east-1:000000000000:file-system/fs-1",
                                )
                                .build()
                                .unwrap(),
                        )
                        .build(),
                )
                .await,
            ),
            "Volume.fsxWindowsFileServerVolumeConfiguration" => one(
                Register,
                self.register_volume(
                    Volume::builder()
                        .name("fsx")
                        .fsx_windows_file_server_volume_configuration(
                            FSxWindowsFileServerVolumeConfiguration::builder()
                                .file_system_id("fs-0123456789abcdef0")
                                .root_directory("share")
                                .authorization_config(
                                    FSxWindowsFileServerAuthorizationConfig::builder()
                                        .credentials_parameter(
                                            "arn:aws:ssm:us-east-1:000000000000:parameter/fsx",
                                        )
                                        .domain("corp.example.com")
                                        .build()
                                        .unwrap(),
                                )
                                .build()
                                .unwrap(),
                        )
                        .build(),
                )
                .await,
            ),
            "Volume.configuredAtLaunch" => one(
                Register,
                self.register_volume(
                    Volume::builder()
                        .name("ebs")
                        .configured_at_launch(true)
                        .build(),
                )
                .await,
            ),
            // RunTask
            "RunTaskRequest.launchType" => one(
                RunTask,
                answer(
                    self.run()
                        .launch_type(LaunchType::ManagedInstances)
                        .send()
                        .await,
                ),
            ),
            "RunTaskRequest.networkConfiguration.awsvpcConfiguration.assignPublicIp" => one(
                RunTask,
                answer(self.run().network_configuration(awsvpc()).send().await),
            ),
            "RunTaskRequest.platformVersion" => one(
                RunTask,
                answer(self.run().platform_version("LATEST").send().await),
            ),
            "RunTaskRequest.propagateTags" => one(
                RunTask,
                answer(
                    self.run()
                        .propagate_tags(PropagateTags::Service)
                        .send()
                        .await,
                ),
            ),
            "RunTaskRequest.volumeConfigurations" => one(
                RunTask,
                answer(
                    self.run()
                        .volume_configurations(
                            TaskVolumeConfiguration::builder()
                                .name("ebs")
                                .build()
                                .unwrap(),
                        )
                        .send()
                        .await,
                ),
            ),
            // StartTask
            "StartTaskRequest.networkConfiguration.awsvpcConfiguration.assignPublicIp" => one(
                StartTask,
                answer(self.start().network_configuration(awsvpc()).send().await),
            ),
            "StartTaskRequest.propagateTags" => one(
                StartTask,
                answer(
                    self.start()
                        .propagate_tags(PropagateTags::Service)
                        .send()
                        .await,
                ),
            ),
            "StartTaskRequest.volumeConfigurations" => one(
                StartTask,
                answer(
                    self.start()
                        .volume_configurations(
                            TaskVolumeConfiguration::builder()
                                .name("ebs")
                                .build()
                                .unwrap(),
                        )
                        .send()
                        .await,
                ),
            ),
            // TaskOverride, through RunTask and StartTask
            "TaskOverride.containerOverrides.environmentFiles" => Some(
                self.with_overrides(
                    TaskOverride::builder()
                        .container_overrides(
                            ContainerOverride::builder()
                                .name("app")
                                .environment_files(s3_env_file())
                                .build(),
                        )
                        .build(),
                )
                .await,
            ),
            "TaskOverride.containerOverrides.resourceRequirements.type" => Some(
                self.with_overrides(
                    TaskOverride::builder()
                        .container_overrides(
                            ContainerOverride::builder()
                                .name("app")
                                .resource_requirements(inference_requirement())
                                .build(),
                        )
                        .build(),
                )
                .await,
            ),
            "TaskOverride.inferenceAcceleratorOverrides" => Some(
                self.with_overrides(
                    TaskOverride::builder()
                        .inference_accelerator_overrides(
                            InferenceAcceleratorOverride::builder()
                                .device_name("device_1")
                                .device_type("eia2.medium")
                                .build(),
                        )
                        .build(),
                )
                .await,
            ),
            "TaskOverride.ephemeralStorage" => Some(
                self.with_overrides(
                    TaskOverride::builder()
                        .ephemeral_storage(EphemeralStorage::builder().size_in_gib(30).build())
                        .build(),
                )
                .await,
            ),
            // CreateService
            "CreateServiceRequest.availabilityZoneRebalancing" => one(
                CreateService,
                answer(
                    self.create()
                        .availability_zone_rebalancing(AvailabilityZoneRebalancing::Enabled)
                        .send()
                        .await,
                ),
            ),
            "LoadBalancer.loadBalancerName" => one(
                CreateService,
                answer(
                    self.create()
                        .load_balancers(
                            LoadBalancer::builder()
                                .load_balancer_name("classic")
                                .container_name("app")
                                .container_port(80)
                                .build(),
                        )
                        .send()
                        .await,
                ),
            ),
            "LoadBalancer.advancedConfiguration" => one(
                CreateService,
                answer(
                    self.create()
                        .load_balancers(
                            LoadBalancer::builder()
                                .target_group_arn(TARGET_GROUP)
                                .container_name("app")
                                .container_port(80)
                                .advanced_configuration(
                                    AdvancedConfiguration::builder()
                                        .alternate_target_group_arn(TARGET_GROUP)
                                        .build(),
                                )
                                .build(),
                        )
                        .send()
                        .await,
                ),
            ),
            "CreateServiceRequest.serviceRegistries" => one(
                CreateService,
                answer(self.create().service_registries(registry()).send().await),
            ),
            "CreateServiceRequest.launchType" => one(
                CreateService,
                answer(
                    self.create()
                        .launch_type(LaunchType::ManagedInstances)
                        .send()
                        .await,
                ),
            ),
            "CreateServiceRequest.platformVersion" => one(
                CreateService,
                answer(self.create().platform_version("LATEST").send().await),
            ),
            "CreateServiceRequest.role" => one(
                CreateService,
                answer(self.create().role("ecsServiceRole").send().await),
            ),
            "CreateServiceRequest.networkConfiguration.awsvpcConfiguration.assignPublicIp" => one(
                CreateService,
                answer(self.create().network_configuration(awsvpc()).send().await),
            ),
            "CreateServiceRequest.serviceConnectConfiguration" => one(
                CreateService,
                answer(
                    self.create()
                        .service_connect_configuration(service_connect())
                        .send()
                        .await,
                ),
            ),
            "CreateServiceRequest.volumeConfigurations" => one(
                CreateService,
                answer(
                    self.create()
                        .volume_configurations(
                            ServiceVolumeConfiguration::builder()
                                .name("ebs")
                                .build()
                                .unwrap(),
                        )
                        .send()
                        .await,
                ),
            ),
            "CreateServiceRequest.vpcLatticeConfigurations" => one(
                CreateService,
                answer(
                    self.create()
                        .vpc_lattice_configurations(lattice())
                        .send()
                        .await,
                ),
            ),
            // UpdateService
            "UpdateServiceRequest.capacityProviderStrategy" => one(
                UpdateService,
                answer(
                    self.update()
                        .capacity_provider_strategy(capacity_provider())
                        .send()
                        .await,
                ),
            ),
            "UpdateServiceRequest.availabilityZoneRebalancing" => one(
                UpdateService,
                answer(
                    self.update()
                        .availability_zone_rebalancing(AvailabilityZoneRebalancing::Enabled)
                        .send()
                        .await,
                ),
            ),
            "UpdateServiceRequest.networkConfiguration.awsvpcConfiguration.assignPublicIp" => one(
                UpdateService,
                answer(self.update().network_configuration(awsvpc()).send().await),
            ),
            "UpdateServiceRequest.platformVersion" => one(
                UpdateService,
                answer(self.update().platform_version("LATEST").send().await),
            ),
            "UpdateServiceRequest.serviceRegistries" => one(
                UpdateService,
                answer(self.update().service_registries(registry()).send().await),
            ),
            "UpdateServiceRequest.serviceConnectConfiguration" => one(
                UpdateService,
                answer(
                    self.update()
                        .service_connect_configuration(service_connect())
                        .send()
                        .await,
                ),
            ),
            "UpdateServiceRequest.volumeConfigurations" => one(
                UpdateService,
                answer(
                    self.update()
                        .volume_configurations(
                            ServiceVolumeConfiguration::builder()
                                .name("ebs")
                                .build()
                                .unwrap(),
                        )
                        .send()
                        .await,
                ),
            ),
            "UpdateServiceRequest.vpcLatticeConfigurations" => one(
                UpdateService,
                answer(
                    self.update()
                        .vpc_lattice_configurations(lattice())
                        .send()
                        .await,
                ),
            ),
            // DeploymentConfiguration and DeploymentController, through both service calls
            "DeploymentConfiguration.alarms" => Some(
                self.with_deployment(
                    DeploymentConfiguration::builder()
                        .alarms(
                            DeploymentAlarms::builder()
                                .alarm_names("HighErrorRate")
                                .enable(true)
                                .rollback(true)
                                .build()
                                .unwrap(),
                        )
                        .build(),
                )
                .await,
            ),
            "DeploymentConfiguration.strategy" => Some(
                self.with_deployment(
                    DeploymentConfiguration::builder()
                        .strategy(DeploymentStrategy::BlueGreen)
                        .build(),
                )
                .await,
            ),
            "DeploymentConfiguration.bakeTimeInMinutes" => Some(
                self.with_deployment(
                    DeploymentConfiguration::builder()
                        .bake_time_in_minutes(5)
                        .build(),
                )
                .await,
            ),
            "DeploymentConfiguration.lifecycleHooks" => Some(
                self.with_deployment(
                    DeploymentConfiguration::builder()
                        .lifecycle_hooks(
                            DeploymentLifecycleHook::builder()
                                .hook_target_arn(
                                    "arn:aws:lambda:us-east-1:000000000000:function:hook",
                                )
                                .role_arn("arn:aws:iam::000000000000:role/hook")
                                .lifecycle_stages(DeploymentLifecycleHookStage::PreScaleUp)
                                .build(),
                        )
                        .build(),
                )
                .await,
            ),
            "DeploymentConfiguration.linearConfiguration" => Some(
                self.with_deployment(
                    DeploymentConfiguration::builder()
                        .linear_configuration(
                            LinearConfiguration::builder().step_percent(10.0).build(),
                        )
                        .build(),
                )
                .await,
            ),
            "DeploymentConfiguration.canaryConfiguration" => Some(
                self.with_deployment(
                    DeploymentConfiguration::builder()
                        .canary_configuration(
                            CanaryConfiguration::builder().canary_percent(10.0).build(),
                        )
                        .build(),
                )
                .await,
            ),
            "DeploymentController.type" => {
                let controller = DeploymentController::builder()
                    .r#type(DeploymentControllerType::CodeDeploy)
                    .build()
                    .unwrap();
                Some(vec![
                    (
                        CreateService,
                        answer(
                            self.create()
                                .deployment_controller(controller.clone())
                                .send()
                                .await,
                        ),
                    ),
                    (
                        UpdateService,
                        answer(self.update().deployment_controller(controller).send().await),
                    ),
                ])
            }
            _ => None,
        }
    }

    /// What a refused call must not change: task definitions, tasks, and the services with
    /// what UpdateService could have changed.
    async fn snapshot(&self) -> String {
        let c = &self.client;
        let mut state = Vec::new();
        for status in [TaskDefinitionStatus::Active, TaskDefinitionStatus::Inactive] {
            let arns = c
                .list_task_definitions()
                .status(status.clone())
                .send()
                .await
                .unwrap()
                .task_definition_arns()
                .to_vec();
            state.push(format!("{status:?} definitions: {arns:?}"));
        }
        let mut tasks = BTreeSet::new();
        for desired in [DesiredStatus::Running, DesiredStatus::Stopped] {
            let out = c.list_tasks().desired_status(desired).send().await.unwrap();
            tasks.extend(out.task_arns().iter().cloned());
        }
        state.push(format!("tasks: {tasks:?}"));
        let services = c.list_services().send().await.unwrap();
        state.push(format!("services: {:?}", services.service_arns()));
        let described = c
            .describe_services()
            .services(SERVICE)
            .services("refused")
            .send()
            .await
            .unwrap();
        state.push(format!("missing: {:?}", described.failures()));
        for s in described.services() {
            let deployments: Vec<_> = s
                .deployments()
                .iter()
                .map(|d| (d.id(), d.status(), d.task_definition(), d.desired_count()))
                .collect();
            state.push(format!(
                "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                s.task_definition(),
                s.desired_count(),
                deployments,
                s.deployment_configuration(),
                s.placement_constraints(),
                s.placement_strategy(),
                s.propagate_tags(),
                s.enable_ecs_managed_tags(),
                s.enable_execute_command(),
                s.health_check_grace_period_seconds(),
                s.launch_type(),
                s.availability_zone_rebalancing(),
                s.load_balancers(),
            ));
        }
        state.join("\n")
    }
}

/// A target group ARN of the right form; the refusals come before it is looked up.
const TARGET_GROUP: &str =
    "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/0123456789abcdef";

fn registry() -> ServiceRegistry {
    ServiceRegistry::builder()
        .registry_arn("arn:aws:servicediscovery:us-east-1:000000000000:service/srv-1")
        .build()
}

fn service_connect() -> ServiceConnectConfiguration {
    ServiceConnectConfiguration::builder()
        .enabled(true)
        .namespace("internal")
        .build()
}

fn lattice() -> VpcLatticeConfiguration {
    VpcLatticeConfiguration::builder()
        .role_arn("arn:aws:iam::000000000000:role/lattice")
        .target_group_arn("arn:aws:vpc-lattice:us-east-1:000000000000:targetgroup/tg-1")
        .port_name("http")
        .build()
        .unwrap()
}

/// The member as the user would name it: the path without its root.
fn member(path: &str) -> &str {
    path.split_once('.').map_or(path, |(_, rest)| rest)
}

/// A server with a fake agent, the base family, a running baseline task, and a service:
/// every refused sample below is added to a request that succeeds without it.
async fn setup() -> (TestCluster, Ctx) {
    let cluster = fake_cluster().await;
    let instance = cluster.wait_for_instances(1).await.remove(0);
    let ctx = Ctx {
        client: cluster.client.clone(),
        instance,
    };
    register(&ctx.client, BASE, 64).await;
    // The baselines: each call succeeds without a refused member.
    let run = ctx.run().send().await.expect("the baseline RunTask");
    assert_eq!(run.tasks().len(), 1, "{:?}", run.failures());
    let start = ctx.start().send().await.expect("the baseline StartTask");
    assert_eq!(start.tasks().len(), 1, "{:?}", start.failures());
    ctx.client
        .create_service()
        .service_name(SERVICE)
        .task_definition(BASE)
        .desired_count(0)
        .send()
        .await
        .expect("the baseline CreateService");
    ctx.update()
        .desired_count(0)
        .deployment_configuration(
            DeploymentConfiguration::builder()
                .minimum_healthy_percent(50)
                .maximum_percent(200)
                .build(),
        )
        .send()
        .await
        .expect("the baseline UpdateService");
    ctx.register_task(|t| t)
        .await
        .expect("the baseline RegisterTaskDefinition");
    ctx.client
        .deregister_task_definition()
        .task_definition("refused:1")
        .send()
        .await
        .unwrap();
    (cluster, ctx)
}

#[tokio::test]
async fn every_refused_member_is_refused_at_the_call_and_changes_nothing() {
    let (_cluster, ctx) = setup().await;
    let mut missing = Vec::new();
    let mut checked = 0;
    for field in refused_fields() {
        let before = ctx.snapshot().await;
        let Some(answers) = ctx.send_refused(field.path).await else {
            missing.push(field.path);
            continue;
        };
        assert!(!answers.is_empty());
        for (call, answer) in answers {
            let (code, message) = match answer {
                Ok(()) => panic!("{} was accepted by {call:?}", field.path),
                Err(error) => error,
            };
            assert_eq!(
                code,
                call.expected_exception(),
                "{} through {call:?}: {message}",
                field.path
            );
            assert!(
                message.contains(member(field.path)),
                "{} through {call:?}: the message does not name '{}': {message}",
                field.path,
                member(field.path)
            );
            checked += 1;
        }
        assert_eq!(
            ctx.snapshot().await,
            before,
            "refusing {} changed state",
            field.path
        );
    }
    assert!(
        missing.is_empty(),
        "refused members without a sample in api_fields.rs (add one to send_refused): \
         {missing:#?}"
    );
    assert!(checked >= refused_fields().count());
}

#[test]
fn refused_paths_start_at_a_request_or_a_shared_shape() {
    for field in refused_fields() {
        let root = field.path.split('.').next().unwrap_or_default();
        assert!(
            REQUESTS.contains(&root) || berth_server::fields::ROOTS.contains(&root),
            "{}",
            field.path
        );
    }
}

/// The values ECS treats as "off" are accepted where the member is otherwise refused, and
/// what is applied instead of refused really is: a runtimePlatform.cpuArchitecture this
/// host does not have leaves the task unplaced, with ECS's ATTRIBUTE reason.
#[tokio::test]
async fn off_values_are_accepted_and_cpu_architecture_places() {
    let (_cluster, ctx) = setup().await;
    let c = &ctx.client;
    ctx.register_task(|t| t.enable_fault_injection(false))
        .await
        .expect("enableFaultInjection false");
    ctx.register_container(|c| c.version_consistency(VersionConsistency::Disabled))
        .await
        .expect("versionConsistency disabled");
    ctx.register_volume(
        Volume::builder()
            .name("plain")
            .configured_at_launch(false)
            .build(),
    )
    .await
    .expect("configuredAtLaunch false");
    ctx.register_container(|c| {
        c.log_configuration(log(
            LogDriver::Awslogs,
            &[
                ("awslogs-group", "/ecs/web"),
                ("awslogs-region", "us-east-1"),
            ],
        ))
    })
    .await
    .expect("awslogs with its required options");
    ctx.run()
        .enable_execute_command(false)
        .propagate_tags(PropagateTags::TaskDefinition)
        .send()
        .await
        .expect("enableExecuteCommand false on RunTask");
    ctx.update()
        .availability_zone_rebalancing(AvailabilityZoneRebalancing::Disabled)
        .service_connect_configuration(
            ServiceConnectConfiguration::builder()
                .enabled(false)
                .build(),
        )
        .enable_execute_command(false)
        .deployment_configuration(
            DeploymentConfiguration::builder()
                .strategy(DeploymentStrategy::Rolling)
                .alarms(
                    DeploymentAlarms::builder()
                        .set_alarm_names(Some(Vec::new()))
                        .enable(false)
                        .rollback(false)
                        .build()
                        .unwrap(),
                )
                .build(),
        )
        .send()
        .await
        .expect("the off values on UpdateService");
    let described = c
        .describe_services()
        .services(SERVICE)
        .send()
        .await
        .unwrap();
    assert_eq!(
        described.services()[0].availability_zone_rebalancing(),
        Some(&AvailabilityZoneRebalancing::Disabled)
    );

    // The agent registers the host's own architecture; ask for the other one.
    let (here, other) = if std::env::consts::ARCH == "aarch64" {
        (CpuArchitecture::Arm64, CpuArchitecture::X8664)
    } else {
        (CpuArchitecture::X8664, CpuArchitecture::Arm64)
    };
    for (family, arch) in [("here", here), ("elsewhere", other)] {
        c.register_task_definition()
            .family(family)
            .container_definitions(container("app", 64))
            .runtime_platform(
                RuntimePlatform::builder()
                    .operating_system_family(OsFamily::Linux)
                    .cpu_architecture(arch)
                    .build(),
            )
            .send()
            .await
            .unwrap();
    }
    let described = c
        .describe_task_definition()
        .task_definition("elsewhere")
        .send()
        .await
        .unwrap();
    let required = described.task_definition().unwrap().requires_attributes();
    assert_eq!(required.len(), 1, "{required:?}");
    assert_eq!(required[0].name(), "ecs.cpu-architecture");
    let placed = c.run_task().task_definition("here").send().await.unwrap();
    assert_eq!(placed.tasks().len(), 1, "{:?}", placed.failures());
    let unplaced = c
        .run_task()
        .task_definition("elsewhere")
        .send()
        .await
        .unwrap();
    assert!(unplaced.tasks().is_empty());
    assert_eq!(unplaced.failures().len(), 1);
    assert_eq!(unplaced.failures()[0].reason(), Some("ATTRIBUTE"));
    // StartTask on a named instance honours it too.
    let started = c
        .start_task()
        .task_definition("elsewhere")
        .container_instances(&ctx.instance)
        .send()
        .await
        .unwrap();
    assert!(started.tasks().is_empty(), "{:?}", started.tasks());
    assert_eq!(started.failures()[0].reason(), Some("ATTRIBUTE"));
    // And the task placed on its own architecture runs.
    let arn = placed.tasks()[0].task_arn().unwrap().to_owned();
    wait_for("the task to run", TASK_TIMEOUT, || {
        let arn = arn.clone();
        async move {
            let out = c.describe_tasks().tasks(&arn).send().await.ok()?;
            (out.tasks().first()?.last_status() == Some("RUNNING")).then_some(())
        }
    })
    .await;
    assert_eq!(
        err_code(
            c.run_task()
                .task_definition(BASE)
                .reference_id("")
                .send()
                .await
        ),
        "InvalidParameterException",
        "an empty referenceId"
    );
}
