//! Placement: turns the view into the scheduler's instance snapshot, asks the pure
//! scheduler where tasks go, and turns its answer into instances and ECS `failures[]`.

use berth_api::ecs::{self, Failure, PlacementConstraint, PlacementStrategy};
use berth_scheduler as scheduler;

use super::App;
use crate::error::{Error, Result};
use crate::model::{InstanceRecord, Reservation};
use crate::state::Snapshot;

/// What one task needs on its instance.
#[derive(Debug, Clone)]
pub(crate) struct Demand {
    pub reservation: Reservation,
}

/// Where tasks may go: chosen by strategies and constraints (RunTask), or named
/// instances (StartTask).
pub(crate) enum PlacementTarget<'a> {
    Strategies {
        strategies: &'a [PlacementStrategy],
        constraints: &'a [PlacementConstraint],
        definition_constraints: &'a [ecs::TaskDefinitionPlacementConstraint],
    },
    /// (as given by the user, instance ID)
    Instances(&'a [(String, String)]),
}

/// The chosen instances, as (ID, ARN), one per placed task, and a failure per task
/// that could not be placed.
#[derive(Debug, Default)]
pub(crate) struct PlacementOutcome {
    pub instances: Vec<(String, String)>,
    pub failures: Vec<Failure>,
}

/// Parses a cluster query language expression (ListContainerInstances' `filter`).
pub(crate) fn parse_filter(expression: &str) -> Result<scheduler::Expr> {
    scheduler::Expr::parse(expression)
        .map_err(|e| Error::invalid(format!("Invalid filter expression: {e}")))
}

impl App {
    fn scheduler_instance(&self, view: &Snapshot, record: &InstanceRecord) -> scheduler::Instance {
        let mut usage = view.usage(&record.id);
        self.for_each_pending(&record.id, |pending| {
            usage.reserved.cpu += pending.reservation.cpu;
            usage.reserved.memory_mib += pending.reservation.memory_mib;
            usage
                .reserved
                .tcp_ports
                .extend(&pending.reservation.tcp_ports);
            usage
                .reserved
                .udp_ports
                .extend(&pending.reservation.udp_ports);
            *usage.groups.entry(pending.group.clone()).or_insert(0) += 1;
            usage.pending += 1;
        });
        scheduler::Instance {
            id: record.arn.clone(),
            ec2_instance_id: Some(record.hostname.clone()),
            status: match record.status.as_str() {
                "ACTIVE" => scheduler::InstanceStatus::Active,
                "DRAINING" => scheduler::InstanceStatus::Draining,
                _ => scheduler::InstanceStatus::Inactive,
            },
            agent_connected: self.agent_connected(&record.id),
            agent_version: Some(record.agent_version.clone()),
            launch_type: match record.launch_type {
                ecs::LaunchType::External => scheduler::LaunchType::External,
                _ => scheduler::LaunchType::Ec2,
            },
            registered: scheduler::Resources {
                cpu: i64::from(record.cpu),
                memory_mib: record.memory_mib,
                tcp_ports: record.reserved_tcp_ports.iter().copied().collect(),
                udp_ports: record.reserved_udp_ports.iter().copied().collect(),
            },
            used: scheduler::Resources {
                cpu: i64::from(usage.reserved.cpu),
                memory_mib: usage.reserved.memory_mib,
                tcp_ports: usage.reserved.tcp_ports.iter().copied().collect(),
                udp_ports: usage.reserved.udp_ports.iter().copied().collect(),
            },
            attributes: record.attributes.clone(),
            instance_type: None,
            registered_at: record.registered_at,
            running_tasks_count: u32::try_from(usage.running + usage.pending).unwrap_or(0),
            task_groups: usage.groups,
        }
    }

    /// Whether an instance passes a ListContainerInstances filter.
    pub(crate) fn instance_matches(
        &self,
        view: &Snapshot,
        record: &InstanceRecord,
        filter: &scheduler::Expr,
    ) -> bool {
        let instance = self.scheduler_instance(view, record);
        filter.matches(&instance)
    }

    /// Places `count` tasks of `demand` in `cluster`. The caller holds the placement
    /// lock and writes the tasks before releasing it.
    pub(crate) fn place(
        &self,
        view: &Snapshot,
        cluster: &str,
        demand: &Demand,
        count: usize,
        target: PlacementTarget<'_>,
        group: &str,
        launch_type: ecs::LaunchType,
    ) -> Result<PlacementOutcome> {
        let task = scheduler::TaskDemand {
            cpu: i64::from(demand.reservation.cpu),
            memory_mib: demand.reservation.memory_mib,
            tcp_ports: demand.reservation.tcp_ports.clone(),
            udp_ports: demand.reservation.udp_ports.clone(),
            group: Some(group.to_owned()),
            launch_type: Some(match launch_type {
                ecs::LaunchType::External => scheduler::LaunchType::External,
                _ => scheduler::LaunchType::Ec2,
            }),
            required_attributes: Vec::new(),
        };
        task.validate().map_err(|e| Error::invalid(e.to_string()))?;
        let records: Vec<&InstanceRecord> = match &target {
            PlacementTarget::Strategies { .. } => view
                .instances
                .iter()
                .filter(|((c, _), i)| c == cluster && i.status != "INACTIVE")
                .map(|(_, i)| i)
                .collect(),
            PlacementTarget::Instances(_) => Vec::new(),
        };
        match target {
            PlacementTarget::Strategies {
                strategies,
                constraints,
                definition_constraints,
            } => {
                let strategies = strategies
                    .iter()
                    .map(|s| {
                        scheduler::parse_strategy(
                            s.type_.map(|t| t.as_str()).unwrap_or_default(),
                            s.field.as_deref(),
                        )
                    })
                    .collect::<std::result::Result<Vec<_>, _>>()
                    .map_err(|e| Error::invalid(format!("Invalid placement strategy: {e}")))?;
                let mut parsed = Vec::new();
                for c in constraints {
                    parsed.push(
                        scheduler::parse_constraint(
                            c.type_.map(|t| t.as_str()).unwrap_or_default(),
                            c.expression.as_deref(),
                        )
                        .map_err(|e| {
                            Error::invalid(format!("Invalid placement constraint: {e}"))
                        })?,
                    );
                }
                for c in definition_constraints {
                    parsed.push(
                        scheduler::parse_constraint(
                            c.type_.map(|t| t.as_str()).unwrap_or_default(),
                            c.expression.as_deref(),
                        )
                        .map_err(|e| {
                            Error::invalid(format!("Invalid placement constraint: {e}"))
                        })?,
                    );
                }
                let instances: Vec<scheduler::Instance> = records
                    .iter()
                    .map(|r| self.scheduler_instance(view, r))
                    .collect();
                let request = scheduler::PlacementRequest {
                    demand: task,
                    count,
                    strategies,
                    constraints: parsed,
                    seed: rand::random(),
                };
                let result = scheduler::schedule(&instances, &request)
                    .map_err(|e| Error::invalid(e.to_string()))?;
                let mut outcome = PlacementOutcome::default();
                for placement in &result.placements {
                    let record = records[placement.instance_index];
                    outcome
                        .instances
                        .push((record.id.clone(), record.arn.clone()));
                }
                outcome.failures = result.ecs_failures();
                Ok(outcome)
            }
            PlacementTarget::Instances(targets) => {
                let mut outcome = PlacementOutcome::default();
                // One single-instance cluster per named instance, so that earlier tasks
                // of this call count against it.
                let mut clusters: Vec<(String, scheduler::Cluster)> = Vec::new();
                let mut chosen: Vec<Option<&InstanceRecord>> = Vec::new();
                for (_, id) in targets {
                    let record = view
                        .instance(cluster, id)
                        .filter(|i| i.status != "INACTIVE");
                    chosen.push(record);
                }
                for (slot, (given, _)) in chosen.iter().zip(targets.iter()) {
                    let Some(record) = slot else {
                        outcome.failures.push(Failure {
                            arn: Some(given.clone()),
                            reason: Some("MISSING".into()),
                            detail: None,
                        });
                        continue;
                    };
                    let position = clusters.iter().position(|(arn, _)| arn == &record.arn);
                    let index = match position {
                        Some(index) => index,
                        None => {
                            let cluster =
                                scheduler::Cluster::new(
                                    vec![self.scheduler_instance(view, record)],
                                )
                                .map_err(|e| Error::Internal(anyhow::anyhow!("{e}")))?;
                            clusters.push((record.arn.clone(), cluster));
                            clusters.len() - 1
                        }
                    };
                    let request = scheduler::PlacementRequest {
                        demand: task.clone(),
                        count: 1,
                        strategies: Vec::new(),
                        constraints: Vec::new(),
                        seed: 0,
                    };
                    let result = clusters[index]
                        .1
                        .place(&request)
                        .map_err(|e| Error::invalid(e.to_string()))?;
                    if result.placements.is_empty() {
                        outcome.failures.extend(result.ecs_failures());
                    } else {
                        outcome
                            .instances
                            .push((record.id.clone(), record.arn.clone()));
                    }
                }
                Ok(outcome)
            }
        }
    }
}
