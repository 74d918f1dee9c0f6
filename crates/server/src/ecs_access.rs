//! What each ECS action needs permission for, after the AWS Service Authorization
//! Reference for Amazon ECS: the resource ARNs an action is authorized on, and the
//! condition keys it supplies.
//!
//! Two halves, kept apart so that each is simple to check:
//! - [`RULES`], a table with one row per action: which resources it acts on ([`On`]),
//!   which keys it sets ([`Key`]), and whether it launches tasks with roles (and so needs
//!   `iam:PassRole` on each, with `iam:PassedToService` = `ecs-tasks.amazonaws.com`, as
//!   ECS's RunTask, StartTask, RegisterTaskDefinition, CreateService and UpdateService do);
//! - [`Facts`], what one request names, resolved against the view: cluster, task, service
//!   and container instance ARNs from names, IDs or ARNs (the `default` cluster when none
//!   is given), task definitions with their revision (the latest ACTIVE one for a bare
//!   family, the next one for RegisterTaskDefinition), tags, roles and settings.
//!
//! An action the reference gives no resource type (`ListClusters`, `DescribeTaskDefinition`,
//! …) is authorized on `*`. Existing resources add `aws:ResourceTag/KEY` and
//! `ecs:ResourceTag/KEY` for their tags.

use berth_api::arn::ArnScope;
use berth_api::ecs::{
    DeregisterContainerInstanceRequest, ListAttributesRequest, ListContainerInstancesRequest,
    ListServicesRequest, Tag,
};

use crate::dispatch::Command;
use crate::identity::Access;
use crate::state::Snapshot;

/// Which resources an action is authorized on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum On {
    /// No resource-level permission: `*`.
    Any,
    /// The cluster(s) named (the `default` cluster when none is).
    Clusters,
    /// The container instances named.
    ContainerInstances,
    /// The container instance named, or `*` when the request names none.
    ContainerInstanceOrAny,
    Tasks,
    /// The task named and its cluster (ExecuteCommand).
    TaskAndCluster,
    /// The task definition(s) named, with their revisions.
    TaskDefinitions,
    Services,
    /// The service deployments named, and their services.
    ServiceDeployments,
    /// The resource a tagging call names.
    Tagged,
}

/// A condition key an action supplies when the request carries its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// `ecs:cluster`: the cluster's ARN.
    Cluster,
    /// `ecs:container-instances`: the container instances' ARNs.
    ContainerInstances,
    /// `ecs:task-definition`: the task definition's ARN.
    TaskDefinition,
    /// `aws:RequestTag/KEY` and `aws:TagKeys` for the tags the request sets.
    RequestTags,
    /// `aws:TagKeys` for the tag keys the request removes.
    TagKeys,
    /// `ecs:capacity-provider`.
    CapacityProvider,
    /// `ecs:enable-execute-command`.
    EnableExecuteCommand,
    /// `ecs:enable-ecs-managed-tags`.
    EnableEcsManagedTags,
    /// `ecs:propagate-tags`.
    PropagateTags,
    /// `ecs:task-cpu`, `ecs:task-memory`: the task-level sizes the request gives.
    TaskSize,
    /// `ecs:compute-compatibility`: `requiresCompatibilities`.
    ComputeCompatibility,
    /// `ecs:privileged`: whether any container is privileged.
    Privileged,
    /// `ecs:task`: the task's ARN.
    Task,
    /// `ecs:container-name`: the container a request names.
    ContainerName,
}

/// One action's row.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub action: &'static str,
    pub on: On,
    pub keys: &'static [Key],
    /// Whether the action launches tasks with the task and execution roles it names (or
    /// its task definition names), needing `iam:PassRole` on each.
    pub passes_roles: bool,
}

const fn rule(action: &'static str, on: On, keys: &'static [Key], passes_roles: bool) -> Rule {
    Rule {
        action,
        on,
        keys,
        passes_roles,
    }
}

use Key::*;

/// Every ECS action berth serves.
pub const RULES: &[Rule] = &[
    rule(
        "CreateCluster",
        On::Clusters,
        &[RequestTags, CapacityProvider],
        false,
    ),
    rule("DescribeClusters", On::Clusters, &[], false),
    rule("ListClusters", On::Any, &[], false),
    rule("DeleteCluster", On::Clusters, &[], false),
    rule(
        "RegisterTaskDefinition",
        On::TaskDefinitions,
        &[RequestTags, TaskSize, ComputeCompatibility, Privileged],
        true,
    ),
    rule("DescribeTaskDefinition", On::Any, &[], false),
    rule("DeregisterTaskDefinition", On::Any, &[], false),
    rule("DeleteTaskDefinitions", On::TaskDefinitions, &[], false),
    rule("ListTaskDefinitions", On::Any, &[], false),
    rule("ListTaskDefinitionFamilies", On::Any, &[], false),
    rule(
        "RunTask",
        On::TaskDefinitions,
        &[Cluster, RequestTags, CapacityProvider, EnableExecuteCommand],
        true,
    ),
    rule(
        "StartTask",
        On::TaskDefinitions,
        &[
            Cluster,
            ContainerInstances,
            RequestTags,
            EnableExecuteCommand,
        ],
        true,
    ),
    rule("StopTask", On::Tasks, &[Cluster], false),
    rule(
        "ExecuteCommand",
        On::TaskAndCluster,
        &[Cluster, Task, ContainerName],
        false,
    ),
    rule("DescribeTasks", On::Tasks, &[Cluster], false),
    rule("ListTasks", On::ContainerInstanceOrAny, &[Cluster], false),
    rule("ListContainerInstances", On::Clusters, &[], false),
    rule(
        "DescribeContainerInstances",
        On::ContainerInstances,
        &[Cluster],
        false,
    ),
    rule(
        "UpdateContainerInstancesState",
        On::ContainerInstances,
        &[Cluster],
        false,
    ),
    rule("DeregisterContainerInstance", On::Clusters, &[], false),
    rule(
        "PutAttributes",
        On::ContainerInstanceOrAny,
        &[Cluster],
        false,
    ),
    rule(
        "DeleteAttributes",
        On::ContainerInstanceOrAny,
        &[Cluster],
        false,
    ),
    rule("ListAttributes", On::Clusters, &[], false),
    rule(
        "CreateService",
        On::Services,
        &[
            Cluster,
            TaskDefinition,
            RequestTags,
            CapacityProvider,
            EnableExecuteCommand,
            EnableEcsManagedTags,
            PropagateTags,
        ],
        true,
    ),
    rule(
        "UpdateService",
        On::Services,
        &[
            Cluster,
            TaskDefinition,
            CapacityProvider,
            EnableExecuteCommand,
            EnableEcsManagedTags,
            PropagateTags,
        ],
        true,
    ),
    rule("DeleteService", On::Services, &[Cluster], false),
    rule("DescribeServices", On::Services, &[Cluster], false),
    rule("ListServices", On::Any, &[Cluster], false),
    rule("ListServiceDeployments", On::Services, &[Cluster], false),
    rule(
        "DescribeServiceDeployments",
        On::ServiceDeployments,
        &[Cluster],
        false,
    ),
    rule("TagResource", On::Tagged, &[RequestTags], false),
    rule("UntagResource", On::Tagged, &[TagKeys], false),
    rule("ListTagsForResource", On::Tagged, &[], false),
];

/// The row of `action` (`RunTask`).
pub fn rule_for(action: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.action == action)
}

/// The service principal a task role is passed to.
const PASSED_TO: &str = "ecs-tasks.amazonaws.com";

/// What one request names, resolved to ARNs.
#[derive(Debug, Default)]
pub struct Facts {
    /// The cluster the request is about (`ecs:cluster`).
    pub cluster: Option<String>,
    /// Clusters acted on (DescribeClusters can name several).
    pub clusters: Vec<String>,
    pub container_instances: Vec<String>,
    pub tasks: Vec<String>,
    pub task_definitions: Vec<String>,
    pub services: Vec<String>,
    pub deployments: Vec<String>,
    pub tagged: Option<String>,
    pub tags: Vec<(String, String)>,
    pub tag_keys: Vec<String>,
    pub capacity_providers: Vec<String>,
    pub enable_execute_command: Option<bool>,
    pub enable_ecs_managed_tags: Option<bool>,
    pub propagate_tags: Option<&'static str>,
    pub task_cpu: Option<String>,
    pub task_memory: Option<String>,
    pub compatibilities: Vec<&'static str>,
    pub privileged: Option<bool>,
    /// The container a request names (`ecs:container-name`).
    pub container_name: Option<String>,
    /// The role ARNs the launched tasks would run with (task and execution roles).
    pub roles: Vec<String>,
}

/// What `command` needs permission for.
pub fn accesses(command: &Command, scope: &ArnScope, view: &Snapshot) -> Vec<Access> {
    let action = command.action();
    let name = action.strip_prefix("ecs:").unwrap_or(action);
    let Some(rule) = rule_for(name) else {
        // Every served action has a row (a unit test checks); refuse rather than allow.
        return vec![Access::new(action, "*")];
    };
    let facts = Resolver { scope, view }.facts(command);
    build(rule, action, &facts, scope, view)
}

/// The accesses a rule asks of these facts.
fn build(
    rule: &Rule,
    action: &str,
    facts: &Facts,
    scope: &ArnScope,
    view: &Snapshot,
) -> Vec<Access> {
    let mut resources: Vec<String> = match rule.on {
        On::Any => Vec::new(),
        On::Clusters => facts.clusters.clone(),
        On::ContainerInstances | On::ContainerInstanceOrAny => facts.container_instances.clone(),
        On::Tasks => facts.tasks.clone(),
        On::TaskAndCluster => facts.tasks.iter().chain(&facts.cluster).cloned().collect(),
        On::TaskDefinitions => facts.task_definitions.clone(),
        On::Services => facts.services.clone(),
        On::ServiceDeployments => {
            let mut arns = facts.deployments.clone();
            arns.extend(facts.services.iter().cloned());
            arns
        }
        On::Tagged => facts.tagged.iter().cloned().collect(),
    };
    if resources.is_empty() {
        resources.push("*".to_owned());
    }
    let mut keys: Vec<(String, String)> = Vec::new();
    for key in rule.keys {
        match key {
            Cluster => keys.extend(
                facts
                    .cluster
                    .iter()
                    .map(|c| ("ecs:cluster".into(), c.clone())),
            ),
            ContainerInstances => keys.extend(
                facts
                    .container_instances
                    .iter()
                    .map(|i| ("ecs:container-instances".into(), i.clone())),
            ),
            TaskDefinition => keys.extend(
                facts
                    .task_definitions
                    .iter()
                    .map(|t| ("ecs:task-definition".into(), t.clone())),
            ),
            RequestTags => {
                for (key, value) in &facts.tags {
                    keys.push((format!("aws:RequestTag/{key}"), value.clone()));
                    keys.push(("aws:TagKeys".into(), key.clone()));
                }
            }
            TagKeys => keys.extend(
                facts
                    .tag_keys
                    .iter()
                    .map(|k| ("aws:TagKeys".into(), k.clone())),
            ),
            CapacityProvider => keys.extend(
                facts
                    .capacity_providers
                    .iter()
                    .map(|c| ("ecs:capacity-provider".into(), c.clone())),
            ),
            EnableExecuteCommand => keys.extend(
                facts
                    .enable_execute_command
                    .map(|on| ("ecs:enable-execute-command".into(), on.to_string())),
            ),
            EnableEcsManagedTags => keys.extend(
                facts
                    .enable_ecs_managed_tags
                    .map(|on| ("ecs:enable-ecs-managed-tags".into(), on.to_string())),
            ),
            PropagateTags => keys.extend(
                facts
                    .propagate_tags
                    .map(|p| ("ecs:propagate-tags".into(), p.to_owned())),
            ),
            TaskSize => {
                keys.extend(
                    facts
                        .task_cpu
                        .iter()
                        .map(|c| ("ecs:task-cpu".into(), c.clone())),
                );
                keys.extend(
                    facts
                        .task_memory
                        .iter()
                        .map(|m| ("ecs:task-memory".into(), m.clone())),
                );
            }
            ComputeCompatibility => keys.extend(
                facts
                    .compatibilities
                    .iter()
                    .map(|c| ("ecs:compute-compatibility".into(), (*c).to_owned())),
            ),
            Privileged => keys.extend(
                facts
                    .privileged
                    .map(|on| ("ecs:privileged".into(), on.to_string())),
            ),
            Task => keys.extend(facts.tasks.iter().map(|t| ("ecs:task".into(), t.clone()))),
            ContainerName => keys.extend(
                facts
                    .container_name
                    .iter()
                    .map(|c| ("ecs:container-name".into(), c.clone())),
            ),
        }
    }
    let mut accesses: Vec<Access> = resources
        .into_iter()
        .map(|resource| {
            let mut access = Access::new(action, resource.clone());
            access.context = keys.clone();
            if let Some(service) = deployment_service(scope, &resource) {
                access.context.push(("ecs:service".into(), service));
            }
            for tag in resource_tags(scope, view, &resource) {
                let (Some(key), Some(value)) = (&tag.key, &tag.value) else {
                    continue;
                };
                access
                    .context
                    .push((format!("aws:ResourceTag/{key}"), value.clone()));
                access
                    .context
                    .push((format!("ecs:ResourceTag/{key}"), value.clone()));
            }
            access
        })
        .collect();
    if rule.passes_roles {
        accesses.extend(facts.roles.iter().map(|role| {
            Access::new("iam:PassRole", role.clone()).with("iam:PassedToService", PASSED_TO)
        }));
    }
    accesses
}

/// The service of a service deployment's ARN (`service-deployment/CLUSTER/SERVICE/ID`).
fn deployment_service(scope: &ArnScope, arn: &str) -> Option<String> {
    match scope.parse(arn).ok()? {
        ("service-deployment", rest) => {
            let mut parts = rest.split('/');
            let (cluster, service) = (parts.next()?, parts.next()?);
            Some(scope.service(cluster, service))
        }
        _ => None,
    }
}

/// The tags of the existing ECS resource `arn` (none for `*` or an unknown resource).
fn resource_tags<'v>(scope: &ArnScope, view: &'v Snapshot, arn: &str) -> &'v [Tag] {
    let Ok((kind, rest)) = scope.parse(arn) else {
        return &[];
    };
    let tags = match kind {
        "cluster" => view.clusters.get(rest).map(|c| &c.tags),
        "service" => rest
            .split_once('/')
            .and_then(|(c, n)| view.services.get(&(c.to_owned(), n.to_owned())))
            .map(|(s, _)| &s.tags),
        "task" => rest
            .rsplit('/')
            .next()
            .and_then(|id| view.tasks.get(id))
            .and_then(|t| t.intent.as_ref())
            .map(|t| &t.tags),
        "container-instance" => rest
            .split_once('/')
            .and_then(|(c, id)| view.instances.get(&(c.to_owned(), id.to_owned())))
            .map(|i| &i.tags),
        "task-definition" => rest
            .split_once(':')
            .and_then(|(f, r)| Some((f.to_owned(), r.parse::<i32>().ok()?)))
            .and_then(|key| view.task_definitions.get(&key))
            .map(|t| &t.tags),
        _ => None,
    };
    tags.map(Vec::as_slice).unwrap_or_default()
}

/// Resolves what a request names against the view.
struct Resolver<'a> {
    scope: &'a ArnScope,
    view: &'a Snapshot,
}

impl Resolver<'_> {
    fn facts(&self, command: &Command) -> Facts {
        use Command::*;
        let mut f = Facts::default();
        match command {
            CreateCluster(r) => {
                self.cluster(&mut f, Some(r.cluster_name.as_deref().unwrap_or("default")));
                f.tags = tags(r.tags.as_deref());
                f.capacity_providers = r.capacity_providers.clone().unwrap_or_default();
            }
            DescribeClusters(r) => match r.clusters.as_deref() {
                Some(names) if !names.is_empty() => {
                    f.clusters = names.iter().map(|n| self.cluster_arn(Some(n))).collect();
                }
                _ => {
                    self.cluster(&mut f, None);
                }
            },
            ListClusters(_)
            | DescribeTaskDefinition(_)
            | DeregisterTaskDefinition(_)
            | ListTaskDefinitions(_)
            | ListTaskDefinitionFamilies(_) => {}
            DeleteCluster(r) => {
                self.cluster(&mut f, Some(&r.cluster));
            }
            RegisterTaskDefinition(r) => {
                let next = self.view.last_revision(&r.family).max(
                    self.view
                        .latest_task_definition(&r.family, false)
                        .map_or(0, |t| t.revision()),
                ) + 1;
                f.task_definitions = vec![self.scope.task_definition(&r.family, next)];
                f.tags = tags(r.tags.as_deref());
                f.task_cpu = r.cpu.clone();
                f.task_memory = r.memory.clone();
                f.compatibilities = r
                    .requires_compatibilities
                    .iter()
                    .flatten()
                    .map(|c| c.as_str())
                    .collect();
                f.privileged = r
                    .container_definitions
                    .iter()
                    .filter_map(|c| c.privileged)
                    .reduce(|a, b| a || b);
                f.roles = [&r.task_role_arn, &r.execution_role_arn]
                    .into_iter()
                    .flatten()
                    .map(|role| self.role_arn(role))
                    .collect();
            }
            DeleteTaskDefinitions(r) => {
                f.task_definitions = r
                    .task_definitions
                    .iter()
                    .map(|t| self.task_definition(t).0)
                    .collect();
            }
            RunTask(r) => {
                self.cluster(&mut f, r.cluster.as_deref());
                self.launch(&mut f, &r.task_definition, r.overrides.as_ref());
                f.tags = tags(r.tags.as_deref());
                f.capacity_providers = strategy(r.capacity_provider_strategy.as_deref());
                f.enable_execute_command = r.enable_execute_command;
            }
            StartTask(r) => {
                let ids = r.container_instances.iter().map(String::as_str);
                self.instances(&mut f, r.cluster.as_deref(), ids);
                self.launch(&mut f, &r.task_definition, r.overrides.as_ref());
                f.tags = tags(r.tags.as_deref());
                f.enable_execute_command = r.enable_execute_command;
            }
            StopTask(r) => {
                let cluster = self.cluster(&mut f, r.cluster.as_deref());
                f.tasks = vec![self.task_arn(&cluster, &r.task)];
            }
            ExecuteCommand(r) => {
                let cluster = self.cluster(&mut f, r.cluster.as_deref());
                f.tasks = vec![self.task_arn(&cluster, &r.task)];
                f.container_name = r.container.clone();
            }
            DescribeTasks(r) => {
                let cluster = self.cluster(&mut f, r.cluster.as_deref());
                f.tasks = r.tasks.iter().map(|t| self.task_arn(&cluster, t)).collect();
            }
            ListTasks(r) => {
                let ids = r.container_instance.iter().map(String::as_str);
                self.instances(&mut f, r.cluster.as_deref(), ids);
            }
            DescribeContainerInstances(r) => {
                let ids = r.container_instances.iter().map(String::as_str);
                self.instances(&mut f, r.cluster.as_deref(), ids);
            }
            UpdateContainerInstancesState(r) => {
                let ids = r.container_instances.iter().map(String::as_str);
                self.instances(&mut f, r.cluster.as_deref(), ids);
            }
            PutAttributes(r) => {
                self.instances(&mut f, r.cluster.as_deref(), targets(&r.attributes))
            }
            DeleteAttributes(r) => {
                self.instances(&mut f, r.cluster.as_deref(), targets(&r.attributes))
            }
            ListContainerInstances(ListContainerInstancesRequest { cluster, .. })
            | DeregisterContainerInstance(DeregisterContainerInstanceRequest { cluster, .. })
            | ListAttributes(ListAttributesRequest { cluster, .. })
            | ListServices(ListServicesRequest { cluster, .. }) => {
                self.cluster(&mut f, cluster.as_deref());
            }
            CreateService(r) => {
                self.service(&mut f, r.cluster.as_deref(), &r.service_name);
                self.service_settings(
                    &mut f,
                    r.task_definition.as_deref(),
                    r.capacity_provider_strategy.as_deref(),
                    [r.enable_execute_command, r.enable_ecs_managed_tags],
                    r.propagate_tags,
                );
                f.tags = tags(r.tags.as_deref());
            }
            UpdateService(r) => {
                self.service(&mut f, r.cluster.as_deref(), &r.service);
                self.service_settings(
                    &mut f,
                    r.task_definition.as_deref(),
                    r.capacity_provider_strategy.as_deref(),
                    [r.enable_execute_command, r.enable_ecs_managed_tags],
                    r.propagate_tags,
                );
            }
            DeleteService(r) => self.service(&mut f, r.cluster.as_deref(), &r.service),
            DescribeServices(r) => {
                let cluster = self.cluster(&mut f, r.cluster.as_deref());
                f.services = r
                    .services
                    .iter()
                    .map(|s| self.service_arn(&cluster, s))
                    .collect();
            }
            ListServiceDeployments(r) => self.service(&mut f, r.cluster.as_deref(), &r.service),
            DescribeServiceDeployments(r) => {
                f.deployments = r.service_deployment_arns.clone();
                f.services = r
                    .service_deployment_arns
                    .iter()
                    .filter_map(|arn| deployment_service(self.scope, arn))
                    .collect();
                f.services.dedup();
                if let Some(cluster) = f
                    .deployments
                    .first()
                    .and_then(|arn| self.scope.parse(arn).ok())
                    .and_then(|(_, rest)| rest.split('/').next())
                {
                    f.cluster = Some(self.scope.cluster(cluster));
                }
            }
            TagResource(r) => {
                f.tagged = Some(r.resource_arn.clone());
                f.tags = tags(Some(&r.tags));
            }
            UntagResource(r) => {
                f.tagged = Some(r.resource_arn.clone());
                f.tag_keys = r.tag_keys.clone();
            }
            ListTagsForResource(r) => f.tagged = Some(r.resource_arn.clone()),
        }
        f
    }

    /// Records the request's cluster (the `default` one when absent) as the resource and
    /// the key; returns its name.
    fn cluster(&self, f: &mut Facts, cluster: Option<&str>) -> String {
        let name = self.cluster_name(cluster);
        let arn = self.scope.cluster(&name);
        f.clusters = vec![arn.clone()];
        f.cluster = Some(arn);
        name
    }

    /// The request's cluster and the container instances it names in it.
    fn instances<'i>(
        &self,
        f: &mut Facts,
        cluster: Option<&str>,
        ids: impl Iterator<Item = &'i str>,
    ) {
        let cluster = self.cluster(f, cluster);
        f.container_instances = ids.map(|id| self.instance_arn(&cluster, id)).collect();
    }

    /// The request's cluster and the one service it names in it.
    fn service(&self, f: &mut Facts, cluster: Option<&str>, service: &str) {
        let cluster = self.cluster(f, cluster);
        f.services = vec![self.service_arn(&cluster, service)];
    }

    /// What CreateService and UpdateService set: the task definition the service's tasks
    /// run (and its roles), capacity providers, and the execute-command, managed-tags and
    /// tag-propagation settings.
    fn service_settings(
        &self,
        f: &mut Facts,
        definition: Option<&str>,
        strategy_items: Option<&[berth_api::ecs::CapacityProviderStrategyItem]>,
        [execute_command, managed_tags]: [Option<bool>; 2],
        propagate: Option<berth_api::ecs::PropagateTags>,
    ) {
        if let Some(definition) = definition {
            self.launch(f, definition, None);
        }
        f.capacity_providers = strategy(strategy_items);
        f.enable_execute_command = execute_command;
        f.enable_ecs_managed_tags = managed_tags;
        f.propagate_tags = propagate.map(|p| p.as_str());
    }

    fn cluster_name(&self, cluster: Option<&str>) -> String {
        match cluster {
            None => "default".to_owned(),
            Some(value) => self
                .scope
                .cluster_name(value)
                .unwrap_or_else(|_| value.to_owned()),
        }
    }

    fn cluster_arn(&self, cluster: Option<&str>) -> String {
        self.scope.cluster(&self.cluster_name(cluster))
    }

    fn task_arn(&self, cluster: &str, task: &str) -> String {
        in_cluster(cluster, task, self.scope.task_id(task), |c, id| {
            self.scope.task(c, id)
        })
    }

    fn instance_arn(&self, cluster: &str, instance: &str) -> String {
        let parsed = self.scope.container_instance_id(instance);
        in_cluster(cluster, instance, parsed, |c, id| {
            self.scope.container_instance(c, id)
        })
    }

    fn service_arn(&self, cluster: &str, service: &str) -> String {
        in_cluster(
            cluster,
            service,
            self.scope.service_name(service),
            |c, name| self.scope.service(c, name),
        )
    }

    /// A task definition reference as an ARN with its revision (the latest ACTIVE one for
    /// a bare family), and its record when it exists.
    fn task_definition(
        &self,
        reference: &str,
    ) -> (String, Option<&crate::model::TaskDefinitionRecord>) {
        let Ok((family, revision)) = self.scope.task_definition_ref(reference) else {
            return (reference.to_owned(), None);
        };
        let record = match revision {
            Some(revision) => self.view.task_definitions.get(&(family.clone(), revision)),
            None => self.view.latest_task_definition(&family, true),
        };
        match (record, revision) {
            (Some(record), _) => (
                self.scope.task_definition(&family, record.revision()),
                Some(record),
            ),
            (None, Some(revision)) => (self.scope.task_definition(&family, revision), None),
            // No such family: named without a revision, as the request did.
            (None, None) => (
                format!(
                    "arn:{}:ecs:{}:{}:task-definition/{family}",
                    self.scope.partition, self.scope.region, self.scope.account
                ),
                None,
            ),
        }
    }

    /// The task definition a launch uses, and the roles its tasks would run with.
    fn launch(
        &self,
        f: &mut Facts,
        definition: &str,
        overrides: Option<&berth_api::ecs::TaskOverride>,
    ) {
        let (arn, record) = self.task_definition(definition);
        f.task_definitions = vec![arn];
        let defined = record.map(|r| &r.definition);
        let task_role = overrides
            .and_then(|o| o.task_role_arn.as_ref())
            .or_else(|| defined.and_then(|d| d.task_role_arn.as_ref()));
        let execution_role = overrides
            .and_then(|o| o.execution_role_arn.as_ref())
            .or_else(|| defined.and_then(|d| d.execution_role_arn.as_ref()));
        f.roles = [task_role, execution_role]
            .into_iter()
            .flatten()
            .map(|role| self.role_arn(role))
            .collect();
        f.roles.dedup();
    }

    /// A role named by ARN or by name, as an ARN.
    fn role_arn(&self, role: &str) -> String {
        if role.starts_with("arn:") {
            return role.to_owned();
        }
        match self.view.iam.role(role) {
            Some(entry) => entry.record.arn.clone(),
            None => format!(
                "arn:{}:iam::{}:role/{role}",
                self.scope.partition, self.scope.account
            ),
        }
    }
}

/// The ARN of a resource named by id, name or ARN (`parsed`: the cluster its ARN names, if
/// any, and its id) in the request's `cluster` unless its ARN names another; a reference
/// that does not parse is kept as given, so that only a policy allowing it matches.
fn in_cluster<E>(
    cluster: &str,
    reference: &str,
    parsed: Result<(Option<String>, String), E>,
    arn: impl Fn(&str, &str) -> String,
) -> String {
    match parsed {
        Ok((named, id)) => arn(named.as_deref().unwrap_or(cluster), &id),
        Err(_) => reference.to_owned(),
    }
}

fn tags(tags: Option<&[Tag]>) -> Vec<(String, String)> {
    tags.unwrap_or_default()
        .iter()
        .filter_map(|t| Some((t.key.clone()?, t.value.clone().unwrap_or_default())))
        .collect()
}

fn strategy(items: Option<&[berth_api::ecs::CapacityProviderStrategyItem]>) -> Vec<String> {
    items
        .unwrap_or_default()
        .iter()
        .map(|item| item.capacity_provider.clone())
        .collect()
}

fn targets(attributes: &[berth_api::ecs::Attribute]) -> impl Iterator<Item = &str> {
    attributes.iter().filter_map(|a| a.target_id.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACCOUNT: &str = "000000000000";

    fn arn(resource: &str) -> String {
        format!("arn:aws:ecs:us-east-1:{ACCOUNT}:{resource}")
    }

    fn accesses_of(action: &str, body: &str, view: &Snapshot) -> Vec<Access> {
        let command = Command::parse(action, body.as_bytes()).expect("a valid request");
        accesses(&command, &ArnScope::default(), view)
    }

    /// A view with task definition `web` revisions 1 and 2 (2 has a task role), and a
    /// tagged cluster `prod`.
    fn view() -> Snapshot {
        let mut view = Snapshot::default();
        for revision in [1, 2] {
            let definition: berth_api::ecs::TaskDefinition =
                serde_json::from_value(serde_json::json!({
                    "family": "web",
                    "revision": revision,
                    "status": "ACTIVE",
                    "taskRoleArn": if revision == 2 { Some("app") } else { None },
                    "executionRoleArn": format!("arn:aws:iam::{ACCOUNT}:role/exec"),
                }))
                .expect("a definition");
            view.task_definitions.insert(
                ("web".into(), revision),
                crate::model::TaskDefinitionRecord {
                    definition,
                    tags: Vec::new(),
                },
            );
        }
        view.clusters.insert(
            "prod".into(),
            crate::model::ClusterRecord {
                name: "prod".into(),
                status: "ACTIVE".into(),
                tags: vec![Tag {
                    key: Some("env".into()),
                    value: Some("production".into()),
                }],
                settings: Vec::new(),
                created_at: 0.0,
            },
        );
        view
    }

    fn context(access: &Access, key: &str) -> Vec<String> {
        access
            .context
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    }

    #[test]
    fn every_action_served_has_exactly_one_row() {
        for action in crate::dispatch::OPERATIONS {
            assert_eq!(
                RULES.iter().filter(|r| r.action == *action).count(),
                1,
                "{action}"
            );
        }
        assert_eq!(RULES.len(), crate::dispatch::OPERATIONS.len());
    }

    /// One row per served action: a minimal request, the resources it is authorized on
    /// (`iam:PassRole` accesses after the action's own), and its `ecs:cluster` key.
    #[test]
    fn every_action_resolves_its_resources_and_cluster() {
        let view = view();
        let prod = arn("cluster/prod");
        let deployment = arn("service-deployment/default/api/1");
        let exec = format!("arn:aws:iam::{ACCOUNT}:role/exec");
        let td = arn("task-definition/web:1");
        let default = Some(arn("cluster/default"));
        let rows: Vec<(&str, String, Vec<String>, Option<String>)> = vec![
            (
                "CreateCluster",
                r#"{"clusterName":"new"}"#.into(),
                vec![arn("cluster/new")],
                None,
            ),
            (
                "DescribeClusters",
                "{}".into(),
                vec![arn("cluster/default")],
                None,
            ),
            ("ListClusters", "{}".into(), vec!["*".into()], None),
            (
                "DeleteCluster",
                r#"{"cluster":"prod"}"#.into(),
                vec![prod.clone()],
                None,
            ),
            (
                "RegisterTaskDefinition",
                r#"{"family":"api","containerDefinitions":[{"name":"a","image":"x"}]}"#.into(),
                vec![arn("task-definition/api:1")],
                None,
            ),
            (
                "DescribeTaskDefinition",
                r#"{"taskDefinition":"web"}"#.into(),
                vec!["*".into()],
                None,
            ),
            (
                "DeregisterTaskDefinition",
                r#"{"taskDefinition":"web:1"}"#.into(),
                vec!["*".into()],
                None,
            ),
            (
                "DeleteTaskDefinitions",
                r#"{"taskDefinitions":["web:1"]}"#.into(),
                vec![td.clone()],
                None,
            ),
            ("ListTaskDefinitions", "{}".into(), vec!["*".into()], None),
            (
                "ListTaskDefinitionFamilies",
                "{}".into(),
                vec!["*".into()],
                None,
            ),
            (
                "RunTask",
                r#"{"taskDefinition":"web:1"}"#.into(),
                vec![td.clone(), exec.clone()],
                default.clone(),
            ),
            (
                "StartTask",
                r#"{"taskDefinition":"web:1","containerInstances":["i1"]}"#.into(),
                vec![td.clone(), exec.clone()],
                default.clone(),
            ),
            (
                "StopTask",
                r#"{"task":"t1"}"#.into(),
                vec![arn("task/default/t1")],
                default.clone(),
            ),
            (
                "ExecuteCommand",
                r#"{"cluster":"prod","task":"t1","container":"web","command":"sh","interactive":true}"#
                    .into(),
                vec![arn("task/prod/t1"), prod.clone()],
                Some(prod.clone()),
            ),
            (
                "DescribeTasks",
                r#"{"cluster":"prod","tasks":["t1"]}"#.into(),
                vec![arn("task/prod/t1")],
                Some(prod.clone()),
            ),
            ("ListTasks", "{}".into(), vec!["*".into()], default.clone()),
            (
                "ListContainerInstances",
                r#"{"cluster":"prod"}"#.into(),
                vec![prod.clone()],
                None,
            ),
            (
                "DescribeContainerInstances",
                r#"{"containerInstances":["i1"]}"#.into(),
                vec![arn("container-instance/default/i1")],
                default.clone(),
            ),
            (
                "UpdateContainerInstancesState",
                r#"{"containerInstances":["i1"],"status":"DRAINING"}"#.into(),
                vec![arn("container-instance/default/i1")],
                default.clone(),
            ),
            (
                "DeregisterContainerInstance",
                r#"{"containerInstance":"i1"}"#.into(),
                vec![arn("cluster/default")],
                None,
            ),
            (
                "PutAttributes",
                r#"{"attributes":[{"name":"a","targetId":"i1"}]}"#.into(),
                vec![arn("container-instance/default/i1")],
                default.clone(),
            ),
            (
                "DeleteAttributes",
                r#"{"cluster":"prod","attributes":[{"name":"a","targetId":"i1"}]}"#.into(),
                vec![arn("container-instance/prod/i1")],
                Some(prod.clone()),
            ),
            (
                "ListAttributes",
                r#"{"targetType":"container-instance"}"#.into(),
                vec![arn("cluster/default")],
                None,
            ),
            (
                "CreateService",
                r#"{"serviceName":"api","taskDefinition":"web:1"}"#.into(),
                vec![arn("service/default/api"), exec.clone()],
                default.clone(),
            ),
            (
                "UpdateService",
                r#"{"service":"api"}"#.into(),
                vec![arn("service/default/api")],
                default.clone(),
            ),
            (
                "DeleteService",
                r#"{"service":"api"}"#.into(),
                vec![arn("service/default/api")],
                default.clone(),
            ),
            (
                "DescribeServices",
                r#"{"cluster":"prod","services":["api"]}"#.into(),
                vec![arn("service/prod/api")],
                Some(prod.clone()),
            ),
            (
                "ListServices",
                "{}".into(),
                vec!["*".into()],
                default.clone(),
            ),
            (
                "ListServiceDeployments",
                r#"{"service":"api"}"#.into(),
                vec![arn("service/default/api")],
                default.clone(),
            ),
            (
                "DescribeServiceDeployments",
                format!(r#"{{"serviceDeploymentArns":["{deployment}"]}}"#),
                vec![deployment.clone(), arn("service/default/api")],
                default.clone(),
            ),
            (
                "TagResource",
                format!(r#"{{"resourceArn":"{prod}","tags":[{{"key":"a","value":"b"}}]}}"#),
                vec![prod.clone()],
                None,
            ),
            (
                "UntagResource",
                format!(r#"{{"resourceArn":"{prod}","tagKeys":["a"]}}"#),
                vec![prod.clone()],
                None,
            ),
            (
                "ListTagsForResource",
                format!(r#"{{"resourceArn":"{prod}"}}"#),
                vec![prod.clone()],
                None,
            ),
        ];
        assert_eq!(rows.len(), RULES.len(), "a row for every action");
        for (action, body, resources, cluster) in rows {
            let accesses = accesses_of(action, &body, &view);
            let got: Vec<&str> = accesses.iter().map(|a| a.resource.as_str()).collect();
            assert_eq!(got, resources, "{action}");
            let own = accesses.iter().filter(|a| a.action != "iam:PassRole");
            for access in own {
                assert_eq!(access.action, format!("ecs:{action}"), "{action}");
                let key = context(access, "ecs:cluster");
                assert_eq!(key, Vec::from_iter(cluster.clone()), "{action}");
            }
        }
    }

    #[test]
    fn run_task_is_authorized_on_the_resolved_definition_with_cluster_and_roles() {
        let view = view();
        let accesses = accesses_of(
            "RunTask",
            r#"{"cluster":"prod","taskDefinition":"web","tags":[{"key":"team","value":"blue"}],"enableExecuteCommand":false}"#,
            &view,
        );
        let [run, pass_app, pass_exec] = &accesses[..] else {
            panic!("{accesses:?}")
        };
        assert_eq!(run.action, "ecs:RunTask");
        assert_eq!(
            run.resource,
            arn("task-definition/web:2"),
            "the latest ACTIVE revision"
        );
        assert_eq!(context(run, "ecs:cluster"), [arn("cluster/prod")]);
        assert_eq!(context(run, "aws:RequestTag/team"), ["blue"]);
        assert_eq!(context(run, "aws:TagKeys"), ["team"]);
        assert_eq!(context(run, "ecs:enable-execute-command"), ["false"]);
        assert_eq!(pass_app.action, "iam:PassRole");
        assert_eq!(
            pass_app.resource,
            format!("arn:aws:iam::{ACCOUNT}:role/app")
        );
        assert_eq!(
            context(pass_app, "iam:PassedToService"),
            ["ecs-tasks.amazonaws.com"]
        );
        assert_eq!(
            pass_exec.resource,
            format!("arn:aws:iam::{ACCOUNT}:role/exec")
        );

        // An override replaces the definition's task role.
        let accesses = accesses_of(
            "RunTask",
            r#"{"taskDefinition":"web:1","overrides":{"taskRoleArn":"arn:aws:iam::000000000000:role/other"}}"#,
            &view,
        );
        let resources: Vec<&str> = accesses.iter().map(|a| a.resource.as_str()).collect();
        assert_eq!(
            resources,
            [
                arn("task-definition/web:1").as_str(),
                "arn:aws:iam::000000000000:role/other",
                "arn:aws:iam::000000000000:role/exec"
            ]
        );
        assert_eq!(
            context(&accesses[0], "ecs:cluster"),
            [arn("cluster/default")]
        );
    }

    #[test]
    fn cluster_scoped_actions_name_their_resources_under_the_cluster() {
        let view = view();
        let describe = accesses_of(
            "DescribeTasks",
            &format!(
                r#"{{"cluster":"prod","tasks":["abc","{}"]}}"#,
                arn("task/prod/def")
            ),
            &view,
        );
        let resources: Vec<&str> = describe.iter().map(|a| a.resource.as_str()).collect();
        assert_eq!(resources, [arn("task/prod/abc"), arn("task/prod/def")]);
        assert!(describe
            .iter()
            .all(|a| context(a, "ecs:cluster") == [arn("cluster/prod")]));

        let list = accesses_of("ListTasks", r#"{"cluster":"prod"}"#, &view);
        assert_eq!(list[0].resource, "*");
        assert_eq!(context(&list[0], "ecs:cluster"), [arn("cluster/prod")]);
        let on_instance = accesses_of("ListTasks", r#"{"containerInstance":"i1"}"#, &view);
        assert_eq!(
            on_instance[0].resource,
            arn("container-instance/default/i1")
        );

        let clusters = accesses_of("DescribeClusters", r#"{"clusters":["prod","dev"]}"#, &view);
        assert_eq!(clusters[0].resource, arn("cluster/prod"));
        assert_eq!(context(&clusters[0], "aws:ResourceTag/env"), ["production"]);
        assert_eq!(context(&clusters[0], "ecs:ResourceTag/env"), ["production"]);
        assert_eq!(clusters[1].resource, arn("cluster/dev"));
        assert!(context(&clusters[1], "aws:ResourceTag/env").is_empty());

        let start = accesses_of(
            "StartTask",
            r#"{"cluster":"prod","taskDefinition":"web:1","containerInstances":["i1","i2"]}"#,
            &view,
        );
        assert_eq!(
            context(&start[0], "ecs:container-instances"),
            [
                arn("container-instance/prod/i1"),
                arn("container-instance/prod/i2")
            ]
        );

        let services = accesses_of("ListServices", r#"{"cluster":"prod"}"#, &view);
        assert_eq!(
            (
                services[0].resource.as_str(),
                context(&services[0], "ecs:cluster")
            ),
            ("*", vec![arn("cluster/prod")])
        );
        let deployments = accesses_of(
            "DescribeServiceDeployments",
            &format!(
                r#"{{"serviceDeploymentArns":["{}"]}}"#,
                arn("service-deployment/prod/api/123")
            ),
            &view,
        );
        assert_eq!(
            deployments[0].resource,
            arn("service-deployment/prod/api/123")
        );
        assert_eq!(
            context(&deployments[0], "ecs:service"),
            [arn("service/prod/api")]
        );
        assert_eq!(deployments[1].resource, arn("service/prod/api"));
    }

    #[test]
    fn actions_without_resource_types_are_on_star_and_creations_on_the_new_resource() {
        let view = view();
        for (action, body) in [
            ("ListClusters", "{}"),
            ("DescribeTaskDefinition", r#"{"taskDefinition":"web"}"#),
            ("ListTaskDefinitions", "{}"),
        ] {
            let accesses = accesses_of(action, body, &view);
            assert_eq!(accesses.len(), 1, "{action}");
            assert_eq!(accesses[0].resource, "*", "{action}");
        }
        let register = accesses_of(
            "RegisterTaskDefinition",
            r#"{"family":"web","cpu":"256","requiresCompatibilities":["EC2"],
                "taskRoleArn":"app","containerDefinitions":[{"name":"a","privileged":true}]}"#,
            &view,
        );
        assert_eq!(register[0].resource, arn("task-definition/web:3"));
        assert_eq!(context(&register[0], "ecs:task-cpu"), ["256"]);
        assert_eq!(context(&register[0], "ecs:compute-compatibility"), ["EC2"]);
        assert_eq!(context(&register[0], "ecs:privileged"), ["true"]);
        assert_eq!(register[1].action, "iam:PassRole");
        let create = accesses_of("CreateCluster", r#"{"clusterName":"new"}"#, &view);
        assert_eq!(create[0].resource, arn("cluster/new"));
        let service = accesses_of(
            "CreateService",
            r#"{"cluster":"prod","serviceName":"api","taskDefinition":"web:2","propagateTags":"SERVICE"}"#,
            &view,
        );
        assert_eq!(service[0].resource, arn("service/prod/api"));
        assert_eq!(
            context(&service[0], "ecs:task-definition"),
            [arn("task-definition/web:2")]
        );
        assert_eq!(context(&service[0], "ecs:propagate-tags"), ["SERVICE"]);
        assert_eq!(service.len(), 3, "PassRole for the definition's two roles");
        let untag = accesses_of(
            "UntagResource",
            &format!(
                r#"{{"resourceArn":"{}","tagKeys":["env"]}}"#,
                arn("cluster/prod")
            ),
            &view,
        );
        assert_eq!(untag[0].resource, arn("cluster/prod"));
        assert_eq!(context(&untag[0], "aws:TagKeys"), ["env"]);
    }
}
