//! The ECS API's one dispatch point: an `X-Amz-Target` action and its JSON body become a
//! [`Command`], and each command calls one app method.
//!
//! The operation table below is the list of actions berth serves; a test checks that
//! every one of them has an integration test.

use berth_api::ecs::*;

crate::json_operations! {
    /// A parsed ECS request. Each variant is one action of the ECS API.
    Command, OPERATIONS, "ecs";

    CreateCluster(CreateClusterRequest) => create_cluster;
    DescribeClusters(DescribeClustersRequest) => describe_clusters;
    ListClusters(ListClustersRequest) => list_clusters;
    DeleteCluster(DeleteClusterRequest) => delete_cluster;
    RegisterTaskDefinition(RegisterTaskDefinitionRequest) => register_task_definition;
    DescribeTaskDefinition(DescribeTaskDefinitionRequest) => describe_task_definition;
    DeregisterTaskDefinition(DeregisterTaskDefinitionRequest) => deregister_task_definition;
    DeleteTaskDefinitions(DeleteTaskDefinitionsRequest) => delete_task_definitions;
    ListTaskDefinitions(ListTaskDefinitionsRequest) => list_task_definitions;
    ListTaskDefinitionFamilies(ListTaskDefinitionFamiliesRequest) => list_task_definition_families;
    RunTask(RunTaskRequest) => run_task;
    StartTask(StartTaskRequest) => start_task;
    StopTask(StopTaskRequest) => stop_task;
    DescribeTasks(DescribeTasksRequest) => describe_tasks;
    ListTasks(ListTasksRequest) => list_tasks;
    ListContainerInstances(ListContainerInstancesRequest) => list_container_instances;
    DescribeContainerInstances(DescribeContainerInstancesRequest) => describe_container_instances;
    UpdateContainerInstancesState(UpdateContainerInstancesStateRequest) => update_container_instances_state;
    DeregisterContainerInstance(DeregisterContainerInstanceRequest) => deregister_container_instance;
    PutAttributes(PutAttributesRequest) => put_attributes;
    DeleteAttributes(DeleteAttributesRequest) => delete_attributes;
    ListAttributes(ListAttributesRequest) => list_attributes;
    CreateService(CreateServiceRequest) => create_service;
    UpdateService(UpdateServiceRequest) => update_service;
    DeleteService(DeleteServiceRequest) => delete_service;
    DescribeServices(DescribeServicesRequest) => describe_services;
    ListServices(ListServicesRequest) => list_services;
    ListServiceDeployments(ListServiceDeploymentsRequest) => list_service_deployments;
    DescribeServiceDeployments(DescribeServiceDeploymentsRequest) => describe_service_deployments;
    TagResource(TagResourceRequest) => tag_resource;
    UntagResource(UntagResourceRequest) => untag_resource;
    ListTagsForResource(ListTagsForResourceRequest) => list_tags_for_resource;
    ExecuteCommand(ExecuteCommandRequest) => execute_command;
}

impl Command {
    /// What the command needs permission for: the resources and condition keys of the
    /// Service Authorization Reference for Amazon ECS ([`crate::ecs_access`]).
    pub fn access(&self, app: &crate::app::App) -> Vec<crate::identity::Access> {
        crate::ecs_access::accesses(self, &app.config.scope, &app.view.read())
    }
}
