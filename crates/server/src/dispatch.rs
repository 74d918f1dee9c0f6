//! The ECS API's one dispatch point: an `X-Amz-Target` action and its JSON body become a
//! [`Command`], and each command calls one app method.
//!
//! The operation table below is the list of actions berth serves; a test checks that
//! every one of them has an integration test.

use berth_api::ecs::*;
use berth_api::Validate;

use crate::app::App;
use crate::error::{Error, Result};
use crate::identity::Access;

macro_rules! operations {
    ($($action:ident($request:ty) => $method:ident;)*) => {
        /// A parsed ECS request. Each variant is one action of the ECS API.
        #[derive(Debug)]
        pub enum Command {
            $($action($request),)*
        }

        /// Every action berth serves, by its ECS name.
        pub const OPERATIONS: &[&str] = &[$(stringify!($action)),*];

        impl Command {
            /// Parses the body of `action`. Unknown actions, malformed JSON, wrongly typed
            /// members and values outside the model's limits are rejected here.
            pub fn parse(action: &str, body: &[u8]) -> Result<Self> {
                match action {
                    $(stringify!($action) => {
                        let request: $request = parse_body(body)?;
                        request.validate("request")?;
                        Ok(Command::$action(request))
                    })*
                    _ => Err(Error::UnknownOperation(format!(
                        "The action {action} is not valid for this endpoint."
                    ))),
                }
            }

            /// The ECS action's IAM name, `ecs:<Action>`.
            pub fn action(&self) -> &'static str {
                match self {
                    $(Command::$action(_) => concat!("ecs:", stringify!($action)),)*
                }
            }

            /// What the command needs permission for.
            pub fn access(&self, _app: &App) -> Vec<Access> {
                vec![Access::new(self.action(), "*")]
            }

            /// Runs the command and serializes its response.
            pub async fn execute(self, app: &App) -> Result<serde_json::Value> {
                match self {
                    $(Command::$action(request) => {
                        let response = app.$method(request).await?;
                        serde_json::to_value(response).map_err(|e| Error::Internal(e.into()))
                    })*
                }
            }
        }
    };
}

operations! {
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
}

/// Decodes a JSON 1.1 body. An empty body is an empty object, as AWS accepts.
fn parse_body<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T> {
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        body
    };
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| Error::Serialization(format!("The request body is not valid JSON: {e}")))?;
    if !value.is_object() {
        return Err(Error::Serialization(
            "The request body must be a JSON object.".into(),
        ));
    }
    serde_json::from_value(value).map_err(|e| {
        let message = e.to_string();
        if message.starts_with("missing field") {
            Error::InvalidParameter(format!("A required parameter is missing: {message}"))
        } else if message.starts_with("unknown variant") {
            Error::InvalidParameter(format!(
                "A parameter has a value that is not allowed: {message}"
            ))
        } else {
            Error::Serialization(format!("A parameter has the wrong type: {message}"))
        }
    })
}
