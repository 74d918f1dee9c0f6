//! Container instances: ListContainerInstances, DescribeContainerInstances, and the
//! resource accounting that placement and DescribeContainerInstances share.

use berth_api::ecs::{
    Attribute, ContainerInstance, ContainerInstanceField, DescribeContainerInstancesRequest,
    DescribeContainerInstancesResponse, Failure, ListContainerInstancesRequest,
    ListContainerInstancesResponse, Resource, VersionInfo,
};

use super::pagination::paginate;
use super::App;
use crate::error::{Error, Result};
use crate::model::{InstanceRecord, Reservation};
use crate::state::Snapshot;

/// Resources held on an instance by its tasks that are not yet STOPPED.
#[derive(Debug, Default, Clone)]
pub(crate) struct Usage {
    pub reserved: Reservation,
    pub running: i32,
    pub pending: i32,
    /// Task groups of the tasks holding resources, with counts.
    pub groups: std::collections::BTreeMap<String, u32>,
}

impl Snapshot {
    pub(crate) fn usage(&self, instance_id: &str) -> Usage {
        let mut usage = Usage::default();
        for entry in self.instance_tasks(instance_id) {
            if entry.is_stopped() {
                continue;
            }
            let Some(task) = &entry.intent else { continue };
            usage.reserved.cpu += task.reserved.cpu;
            usage.reserved.memory_mib += task.reserved.memory_mib;
            usage.reserved.tcp_ports.extend(&task.reserved.tcp_ports);
            usage.reserved.udp_ports.extend(&task.reserved.udp_ports);
            *usage.groups.entry(task.group.clone()).or_insert(0) += 1;
            match entry.last_status() {
                "RUNNING" => usage.running += 1,
                "PROVISIONING" | "PENDING" | "ACTIVATING" => usage.pending += 1,
                _ => {}
            }
        }
        usage
    }
}

impl App {
    pub async fn list_container_instances(
        &self,
        req: ListContainerInstancesRequest,
    ) -> Result<ListContainerInstancesResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        let filter = match req.filter.as_deref() {
            Some(expression) if !expression.trim().is_empty() => {
                Some(super::placement::parse_filter(expression)?)
            }
            _ => None,
        };
        let view = self.view.read();
        let mut items = Vec::new();
        for ((c, id), instance) in view.instances.iter() {
            if c != &cluster || instance.status == "INACTIVE" {
                continue;
            }
            if let Some(status) = req.status {
                if instance.status != status.as_str() {
                    continue;
                }
            }
            if let Some(filter) = &filter {
                if !self.instance_matches(&view, instance, filter) {
                    continue;
                }
            }
            items.push((id.clone(), instance.arn.clone()));
        }
        let page = paginate(items, req.max_results, req.next_token.as_deref(), 100, 100)?;
        Ok(ListContainerInstancesResponse {
            container_instance_arns: Some(page.items),
            next_token: page.next_token,
        })
    }

    pub async fn describe_container_instances(
        &self,
        req: DescribeContainerInstancesRequest,
    ) -> Result<DescribeContainerInstancesResponse> {
        let cluster = self.active_cluster(req.cluster.as_deref())?;
        if req.container_instances.is_empty() || req.container_instances.len() > 100 {
            return Err(Error::invalid(
                "containerInstances must list between 1 and 100 instances.",
            ));
        }
        let include_tags = req
            .include
            .as_ref()
            .is_some_and(|i| i.contains(&ContainerInstanceField::Tags));
        let view = self.view.read();
        let mut found = Vec::new();
        let mut failures = Vec::new();
        for given in &req.container_instances {
            let instance = self
                .config
                .scope
                .container_instance_id(given)
                .ok()
                .filter(|(c, _)| c.as_ref().is_none_or(|c| c == &cluster))
                .and_then(|(_, id)| view.instance(&cluster, &id));
            match instance {
                Some(instance) => found.push(self.render_instance(&view, instance, include_tags)),
                None => failures.push(Failure {
                    arn: Some(given.clone()),
                    reason: Some("MISSING".into()),
                    detail: None,
                }),
            }
        }
        Ok(DescribeContainerInstancesResponse {
            container_instances: Some(found),
            failures: Some(failures),
        })
    }

    pub(crate) fn render_instance(
        &self,
        view: &Snapshot,
        instance: &InstanceRecord,
        include_tags: bool,
    ) -> ContainerInstance {
        let usage = view.usage(&instance.id);
        let mut used_tcp: Vec<u16> = instance.reserved_tcp_ports.clone();
        used_tcp.extend(&usage.reserved.tcp_ports);
        let mut used_udp: Vec<u16> = instance.reserved_udp_ports.clone();
        used_udp.extend(&usage.reserved.udp_ports);
        let registered = resources(
            i64::from(instance.cpu),
            instance.memory_mib,
            &instance.reserved_tcp_ports,
            &instance.reserved_udp_ports,
        );
        let remaining = resources(
            i64::from(instance.cpu) - i64::from(usage.reserved.cpu),
            instance.memory_mib - usage.reserved.memory_mib,
            &used_tcp,
            &used_udp,
        );
        ContainerInstance {
            container_instance_arn: Some(instance.arn.clone()),
            ec2_instance_id: Some(instance.hostname.clone()),
            version: Some(instance.version),
            version_info: Some(VersionInfo {
                agent_version: Some(instance.agent_version.clone()),
                agent_hash: None,
                docker_version: Some(instance.runtime_version.clone()),
            }),
            remaining_resources: Some(remaining),
            registered_resources: Some(registered),
            status: Some(instance.status.clone()),
            agent_connected: Some(self.agent_connected(&instance.id)),
            running_tasks_count: Some(usage.running),
            pending_tasks_count: Some(usage.pending),
            attributes: Some(
                instance
                    .attributes
                    .iter()
                    .map(|(name, value)| Attribute {
                        name: name.clone(),
                        value: value.clone(),
                        target_type: None,
                        target_id: None,
                    })
                    .collect(),
            ),
            registered_at: Some(instance.registered_at),
            attachments: Some(Vec::new()),
            tags: include_tags.then(|| instance.tags.clone()),
            ..ContainerInstance::default()
        }
    }
}

fn resources(cpu: i64, memory: i64, tcp: &[u16], udp: &[u16]) -> Vec<Resource> {
    let ports = |ports: &[u16]| {
        let mut ports: Vec<u16> = ports.to_vec();
        ports.sort_unstable();
        ports.dedup();
        ports.iter().map(u16::to_string).collect::<Vec<_>>()
    };
    vec![
        Resource {
            name: Some("CPU".into()),
            type_: Some("INTEGER".into()),
            integer_value: Some(i32::try_from(cpu).unwrap_or(i32::MAX)),
            double_value: Some(0.0),
            long_value: Some(0),
            ..Resource::default()
        },
        Resource {
            name: Some("MEMORY".into()),
            type_: Some("INTEGER".into()),
            integer_value: Some(i32::try_from(memory).unwrap_or(i32::MAX)),
            double_value: Some(0.0),
            long_value: Some(0),
            ..Resource::default()
        },
        Resource {
            name: Some("PORTS".into()),
            type_: Some("STRINGSET".into()),
            string_set_value: Some(ports(tcp)),
            double_value: Some(0.0),
            long_value: Some(0),
            integer_value: Some(0),
        },
        Resource {
            name: Some("PORTS_UDP".into()),
            type_: Some("STRINGSET".into()),
            string_set_value: Some(ports(udp)),
            double_value: Some(0.0),
            long_value: Some(0),
            integer_value: Some(0),
        },
    ]
}
