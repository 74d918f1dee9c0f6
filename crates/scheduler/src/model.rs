//! The scheduler's own view of a container instance and of a task's demand.
//!
//! These types are deliberately independent of the server's records: the server
//! converts its snapshot into [`Instance`]s, so the scheduler can be tested and
//! benchmarked without a store or an HTTP layer.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::ScheduleError;

/// ECS container instance status. Only [`InstanceStatus::Active`] instances take tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InstanceStatus {
    Registering,
    Active,
    Draining,
    Deregistering,
    RegistrationFailed,
    Inactive,
}

impl InstanceStatus {
    /// Whether the scheduler may place new tasks on an instance in this status.
    /// ECS leaves every other status out of placement entirely.
    pub fn can_take_tasks(self) -> bool {
        self == InstanceStatus::Active
    }
}

/// The launch types that place tasks on container instances (Fargate has none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LaunchType {
    Ec2,
    External,
}

/// An amount of the resources ECS tracks on a container instance.
///
/// On [`Instance::registered`] the port sets hold the *reserved* ports (ECS's
/// registered `PORTS` resource: ports no task may bind); on [`Instance::used`] they
/// hold the host ports bound by running tasks. A port is free when it is in neither.
///
/// GPUs are named, not counted: on [`Instance::registered`] `gpus` holds the IDs of the
/// instance's GPUs (ECS's `GPU` STRINGSET resource), on [`Instance::used`] the IDs its
/// tasks hold. A GPU is free when it is registered and not used.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resources {
    /// CPU units (1024 per vCPU).
    pub cpu: i64,
    pub memory_mib: i64,
    pub tcp_ports: BTreeSet<u16>,
    pub udp_ports: BTreeSet<u16>,
    pub gpus: BTreeSet<String>,
}

/// One container instance as the scheduler sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Instance {
    /// The container instance ARN. Failures name instances by it.
    pub id: String,
    /// The EC2 (or external) instance ID, for `ec2InstanceId` queries.
    pub ec2_instance_id: Option<String>,
    pub status: InstanceStatus,
    pub agent_connected: bool,
    pub agent_version: Option<String>,
    pub launch_type: LaunchType,
    pub registered: Resources,
    pub used: Resources,
    /// ECS attributes by name (`ecs.availability-zone`, `ecs.instance-type`,
    /// `ecs.os-type`, custom ones). An attribute may exist without a value.
    pub attributes: BTreeMap<String, Option<String>>,
    /// Instance type, for `ec2InstanceType`; falls back to `ecs.instance-type`.
    pub instance_type: Option<String>,
    /// Registration time, seconds since the Unix epoch.
    pub registered_at: f64,
    pub running_tasks_count: u32,
    /// How many tasks of each task `group` run here (for `task:group` and
    /// `distinctInstance`). Groups with a zero count should be absent.
    pub task_groups: BTreeMap<String, u32>,
}

impl Instance {
    /// CPU units not yet reserved by tasks.
    pub fn remaining_cpu(&self) -> i64 {
        self.registered.cpu - self.used.cpu
    }

    /// Memory (MiB) not yet reserved by tasks.
    pub fn remaining_memory(&self) -> i64 {
        self.registered.memory_mib - self.used.memory_mib
    }

    /// How many of the instance's GPUs no task holds.
    pub fn remaining_gpus(&self) -> u32 {
        u32::try_from(self.free_gpus().count()).unwrap_or(u32::MAX)
    }

    /// The instance's free GPUs, in ID order.
    pub fn free_gpus(&self) -> impl Iterator<Item = &String> {
        self.registered
            .gpus
            .iter()
            .filter(|g| !self.used.gpus.contains(*g))
    }

    /// Whether `port` can be bound on this instance for the given protocol.
    pub fn port_free(&self, port: u16, udp: bool) -> bool {
        if udp {
            !self.registered.udp_ports.contains(&port) && !self.used.udp_ports.contains(&port)
        } else {
            !self.registered.tcp_ports.contains(&port) && !self.used.tcp_ports.contains(&port)
        }
    }

    /// The value of attribute `name`: `None` if absent, `Some(None)` if it exists
    /// without a value.
    pub fn attribute(&self, name: &str) -> Option<Option<&str>> {
        self.attributes.get(name).map(|v| v.as_deref())
    }

    /// The instance type from the dedicated field, or else the `ecs.instance-type`
    /// attribute (ECS's agent reports it as an attribute).
    pub fn instance_type(&self) -> Option<&str> {
        self.instance_type
            .as_deref()
            .or_else(|| self.attribute("ecs.instance-type").flatten())
    }

    /// Books one task of `demand` on this instance and returns the GPUs it is given: the
    /// `demand.gpus` free ones with the lowest IDs, so that a decision can be replayed.
    /// The caller has checked it fits.
    pub(crate) fn book(&mut self, demand: &TaskDemand) -> Vec<String> {
        let gpus: Vec<String> = self
            .free_gpus()
            .take(demand.gpus as usize)
            .cloned()
            .collect();
        self.book_with_gpus(demand, &gpus);
        gpus
    }

    /// Books one task of `demand` holding exactly the GPUs `gpus` (a task placed
    /// elsewhere, whose GPUs are already known).
    pub(crate) fn book_with_gpus(&mut self, demand: &TaskDemand, gpus: &[String]) {
        self.used.gpus.extend(gpus.iter().cloned());
        self.used.cpu += demand.cpu;
        self.used.memory_mib += demand.memory_mib;
        self.used.tcp_ports.extend(demand.tcp_ports.iter().copied());
        self.used.udp_ports.extend(demand.udp_ports.iter().copied());
        self.running_tasks_count = self.running_tasks_count.saturating_add(1);
        if let Some(g) = &demand.group {
            *self.task_groups.entry(g.clone()).or_insert(0) += 1;
        }
    }

    /// Returns one task of `demand` holding `gpus` to this instance (the inverse of
    /// [`Self::book`]), never going below zero so a double release cannot corrupt the books.
    pub(crate) fn unbook(&mut self, demand: &TaskDemand, gpus: &[String]) {
        for g in gpus {
            self.used.gpus.remove(g);
        }
        self.used.cpu = (self.used.cpu - demand.cpu).max(0);
        self.used.memory_mib = (self.used.memory_mib - demand.memory_mib).max(0);
        for p in &demand.tcp_ports {
            self.used.tcp_ports.remove(p);
        }
        for p in &demand.udp_ports {
            self.used.udp_ports.remove(p);
        }
        self.running_tasks_count = self.running_tasks_count.saturating_sub(1);
        if let Some(g) = &demand.group {
            if let Some(n) = self.task_groups.get_mut(g) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    self.task_groups.remove(g);
                }
            }
        }
    }
}

/// An attribute a task definition requires (`requiresAttributes`): the instance
/// must have attribute `name`, and if `value` is given, with exactly that value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RequiredAttribute {
    pub name: String,
    pub value: Option<String>,
}

/// What one task needs from the instance it is placed on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskDemand {
    pub cpu: i64,
    pub memory_mib: i64,
    /// Static host ports only; dynamic (host port 0) mappings need no reservation.
    pub tcp_ports: Vec<u16>,
    pub udp_ports: Vec<u16>,
    /// How many GPUs the task's containers reserve in all (ECS's `GPU` resource
    /// requirements): only instances with that many free GPUs can take it.
    pub gpus: u32,
    /// The task group (`service:NAME`, `family:NAME` or a user's group).
    pub group: Option<String>,
    /// If given, only instances of this launch type are considered.
    pub launch_type: Option<LaunchType>,
    pub required_attributes: Vec<RequiredAttribute>,
}

impl TaskDemand {
    /// Rejects demands no instance could ever satisfy consistently: negative
    /// amounts, and a host port listed twice (two containers cannot bind it).
    pub fn validate(&self) -> Result<(), ScheduleError> {
        if self.cpu < 0 {
            return Err(ScheduleError::InvalidDemand(
                "cpu must not be negative".into(),
            ));
        }
        if self.memory_mib < 0 {
            return Err(ScheduleError::InvalidDemand(
                "memory must not be negative".into(),
            ));
        }
        for (ports, proto) in [(&self.tcp_ports, "tcp"), (&self.udp_ports, "udp")] {
            let mut seen = BTreeSet::new();
            for p in ports {
                if !seen.insert(*p) {
                    return Err(ScheduleError::InvalidDemand(format!(
                        "host port {p}/{proto} is used by more than one container"
                    )));
                }
            }
        }
        Ok(())
    }
}
