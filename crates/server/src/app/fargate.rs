//! The FARGATE launch type: how RunTask and CreateService ask for Fargate capacity
//! (`launchType: FARGATE`, or a `capacityProviderStrategy` over the `FARGATE` and
//! `FARGATE_SPOT` providers), the platform version, and which provider each new task gets.
//!
//! Fargate capacity is the control plane's: hosts started with `berth agent --capacity
//! fargate` register in the internal [`FARGATE_POOL_CLUSTER`], and FARGATE tasks are
//! placed there whatever the user's cluster (see `docs/fargate.md`). Every cluster has the
//! two providers implicitly, as an ECS cluster with them associated;
//! PutClusterCapacityProviders is not served.

use berth_api::ecs::{CapacityProviderStrategyItem, LaunchType, UpdateServiceRequest};

use berth_api::protocol::DesiredStatus;

use super::App;
use crate::error::{Error, Result};
pub(crate) use crate::model::FARGATE_POOL_CLUSTER;
use crate::model::{Reservation, ServiceRecord};

/// The on-demand Fargate capacity provider.
pub(crate) const FARGATE: &str = "FARGATE";
/// The interruptible one: its tasks may be stopped with `SpotInterruption` when the pool
/// is short of room for a FARGATE task.
pub(crate) const FARGATE_SPOT: &str = "FARGATE_SPOT";
/// The one platform version berth serves (LATEST on ECS for Linux).
pub(crate) const PLATFORM_VERSION: &str = "1.4.0";
/// What `platformVersion` means when absent.
pub(crate) const LATEST: &str = "LATEST";
pub(crate) const PLATFORM_FAMILY: &str = "Linux";
/// ECS's stop code and `stoppedReason` of an interrupted FARGATE_SPOT task.
pub(crate) const SPOT_INTERRUPTION: &str = "SpotInterruption";
pub(crate) const SPOT_INTERRUPTED_REASON: &str = "Your Spot Task was interrupted.";
/// ECS's limit on the providers of one strategy.
const MAX_STRATEGY_ITEMS: usize = 6;

/// How a launch gets capacity, resolved from `launchType`, `capacityProviderStrategy`
/// and `platformVersion`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LaunchCapacity {
    pub launch_type: LaunchType,
    /// The strategy's items, checked; empty for a `launchType` launch.
    pub strategy: Vec<CapacityProviderStrategyItem>,
    /// For FARGATE: the version as given, `LATEST` when absent.
    pub platform_version: Option<String>,
}

impl LaunchCapacity {
    pub(crate) fn is_fargate(&self) -> bool {
        self.launch_type == LaunchType::Fargate
    }
}

/// Resolves and checks a request's launch type, capacity provider strategy and platform
/// version, with ECS's errors.
pub(crate) fn resolve_capacity(
    launch_type: Option<LaunchType>,
    strategy: Option<&[CapacityProviderStrategyItem]>,
    platform_version: Option<&str>,
) -> Result<LaunchCapacity> {
    let strategy = strategy.unwrap_or_default();
    if launch_type.is_some() && !strategy.is_empty() {
        return Err(Error::invalid(
            "Specifying both a launch type and capacity provider strategy is not supported. Remove one ('launchType' or 'capacityProviderStrategy') and try again.",
        ));
    }
    let launch_type = if strategy.is_empty() {
        launch_type.unwrap_or(LaunchType::Ec2)
    } else {
        check_strategy(strategy)?;
        LaunchType::Fargate
    };
    match launch_type {
        LaunchType::Ec2 | LaunchType::External | LaunchType::Fargate => {}
        other => {
            return Err(Error::invalid(format!(
                "'launchType' {other} is not supported by berth. Use EC2, EXTERNAL or FARGATE."
            )))
        }
    }
    let platform_version = match (launch_type, platform_version) {
        (LaunchType::Fargate, None) => Some(LATEST.to_owned()),
        (LaunchType::Fargate, Some(v)) if v == LATEST || v == PLATFORM_VERSION => {
            Some(v.to_owned())
        }
        (LaunchType::Fargate, Some(v)) => {
            return Err(Error::invalid(format!(
                "The specified platform version '{v}' does not exist. berth runs Fargate tasks on platform version {PLATFORM_VERSION}: set 'platformVersion' to LATEST or {PLATFORM_VERSION}."
            )))
        }
        (_, None) => None,
        (other, Some(_)) => {
            return Err(Error::invalid(format!(
                "The platform version must be null when specifying an {other} launch type. Remove 'platformVersion'."
            )))
        }
    };
    Ok(LaunchCapacity {
        launch_type,
        strategy: strategy.to_vec(),
        platform_version,
    })
}

/// ECS's rules for a strategy, over the two providers every cluster has.
pub(crate) fn check_strategy(strategy: &[CapacityProviderStrategyItem]) -> Result<()> {
    if strategy.len() > MAX_STRATEGY_ITEMS {
        return Err(Error::invalid(format!(
            "A capacity provider strategy may contain at most {MAX_STRATEGY_ITEMS} capacity providers ('capacityProviderStrategy')."
        )));
    }
    for (i, item) in strategy.iter().enumerate() {
        let name = item.capacity_provider.as_str();
        if name != FARGATE && name != FARGATE_SPOT {
            return Err(Error::invalid(format!(
                "The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again. berth's clusters have only {FARGATE} and {FARGATE_SPOT} ('capacityProviderStrategy' names '{name}')."
            )));
        }
        if strategy[..i].iter().any(|o| o.capacity_provider == name) {
            return Err(Error::invalid(format!(
                "Capacity provider {name} is given more than once in 'capacityProviderStrategy'."
            )));
        }
    }
    if strategy.iter().filter(|i| i.base.unwrap_or(0) > 0).count() > 1 {
        return Err(Error::invalid(
            "Only one capacity provider in a capacity provider strategy can have a base defined ('capacityProviderStrategy').",
        ));
    }
    if strategy.len() > 1 && strategy.iter().all(|i| i.weight.unwrap_or(0) == 0) {
        return Err(Error::invalid(
            "At least one capacity provider in a capacity provider strategy must have a weight greater than zero ('capacityProviderStrategy').",
        ));
    }
    Ok(())
}

/// The provider the next task gets, given how many tasks each provider already has
/// (`placed`, index-aligned with `strategy`): the provider with a `base` until it has
/// that many, then the one furthest below its share by `weight`; the first on a tie.
pub(crate) fn next_provider(strategy: &[CapacityProviderStrategyItem], placed: &[usize]) -> usize {
    let base = |i: usize| strategy[i].base.unwrap_or(0).max(0) as usize;
    if let Some(i) = (0..strategy.len()).find(|&i| placed[i] < base(i)) {
        return i;
    }
    let weighted: Vec<usize> = (0..strategy.len())
        .filter(|i| strategy[*i].weight.unwrap_or(0) > 0)
        .collect();
    if weighted.is_empty() {
        return 0;
    }
    let beyond_base = |i: usize| placed[i].saturating_sub(base(i)) as f64;
    *weighted
        .iter()
        .min_by(|a, b| {
            let share =
                |i: usize| (beyond_base(i) + 1.0) / f64::from(strategy[i].weight.unwrap_or(1));
            share(**a).total_cmp(&share(**b))
        })
        .unwrap_or(&0)
}

/// The provider names of `count` new tasks of a strategy, given the tasks the providers
/// already hold (by name); none for an empty strategy (a `launchType` launch).
pub(crate) fn providers_for(
    strategy: &[CapacityProviderStrategyItem],
    existing: impl Fn(&str) -> usize,
    count: usize,
) -> Vec<String> {
    if strategy.is_empty() {
        return Vec::new();
    }
    let mut placed: Vec<usize> = strategy
        .iter()
        .map(|i| existing(&i.capacity_provider))
        .collect();
    (0..count)
        .map(|_| {
            let i = next_provider(strategy, &placed);
            placed[i] += 1;
            strategy[i].capacity_provider.clone()
        })
        .collect()
}

impl App {
    /// UpdateService's `capacityProviderStrategy` and `platformVersion`: the service's new
    /// tasks (replacements, scaling, deployments) take them; running tasks keep theirs.
    pub(crate) fn update_capacity(
        &self,
        req: &UpdateServiceRequest,
        record: &mut ServiceRecord,
    ) -> Result<()> {
        if let Some(strategy) = req.capacity_provider_strategy.as_deref() {
            if strategy != record.capacity_provider_strategy.as_slice() {
                if strategy.is_empty() || record.capacity_provider_strategy.is_empty() {
                    return Err(Error::invalid(
                        "Changing a service between a launch type and a capacity provider strategy ('capacityProviderStrategy') is not supported by berth. Create a new service with the one you want.",
                    ));
                }
                check_strategy(strategy)?;
                record.capacity_provider_strategy = strategy.to_vec();
            }
        }
        if let Some(version) = req.platform_version.as_deref() {
            let resolved = resolve_capacity(Some(record.launch_type), None, Some(version))?;
            record.platform_version = resolved.platform_version;
        }
        Ok(())
    }
}

/// How a service and its deployments show their capacity: ECS shows either the launch
/// type or the capacity provider strategy, and Fargate's platform.
#[derive(Debug, Clone, Default)]
pub(crate) struct ShownCapacity {
    pub launch_type: Option<LaunchType>,
    pub capacity_provider_strategy: Option<Vec<CapacityProviderStrategyItem>>,
    pub platform_version: Option<String>,
    pub platform_family: Option<String>,
}

pub(crate) fn shown_capacity(record: &ServiceRecord) -> ShownCapacity {
    let strategy = &record.capacity_provider_strategy;
    ShownCapacity {
        launch_type: strategy.is_empty().then_some(record.launch_type),
        capacity_provider_strategy: (!strategy.is_empty()).then(|| strategy.clone()),
        platform_version: record.platform_version.clone(),
        platform_family: (record.launch_type == LaunchType::Fargate)
            .then(|| PLATFORM_FAMILY.to_owned()),
    }
}

/// A FARGATE_SPOT task that may be interrupted, and what it holds.
struct SpotTask {
    cluster: String,
    id: String,
    cpu: i64,
    memory_mib: i64,
}

impl App {
    /// Makes room on the pool for `count` on-demand FARGATE tasks of `demand` that found
    /// none, by asking FARGATE_SPOT tasks to stop (`SpotInterruption`): on each pool host,
    /// the room it has (free, plus what tasks already stopping will free) is counted
    /// first, then its Spot tasks are interrupted, largest first, until a task fits. The
    /// tasks that could not be placed are not retried here: RunTask answered the capacity
    /// failure (call again), and a service's next pass places them once the Spot tasks
    /// are STOPPED. Returns the interrupted tasks' IDs.
    pub(crate) async fn interrupt_spot_for(
        &self,
        demand: &Reservation,
        count: usize,
    ) -> Result<Vec<String>> {
        let victims = {
            let view = self.view.read();
            let (need_cpu, need_memory) = (i64::from(demand.cpu), demand.memory_mib);
            let mut victims = Vec::new();
            let mut remaining = count;
            for ((cluster, id), instance) in &view.instances {
                if remaining == 0 {
                    break;
                }
                if cluster != FARGATE_POOL_CLUSTER
                    || instance.status != "ACTIVE"
                    || !self.agent_connected(id)
                {
                    continue;
                }
                let usage = self.usage_with_pending(&view, id);
                let mut free_cpu = i64::from(instance.cpu) - i64::from(usage.reserved.cpu);
                let mut free_memory = instance.memory_mib - usage.reserved.memory_mib;
                let mut spot = Vec::new();
                for entry in view.instance_tasks(id).filter(|e| !e.is_stopped()) {
                    let Some(task) = &entry.intent else { continue };
                    let (cpu, memory_mib) =
                        (i64::from(task.reserved.cpu), task.reserved.memory_mib);
                    if task.desired_status == DesiredStatus::Stopped {
                        // Room that is coming: never interrupt again for it.
                        free_cpu += cpu;
                        free_memory += memory_mib;
                    } else if task.capacity_provider_name.as_deref() == Some(FARGATE_SPOT) {
                        spot.push(SpotTask {
                            cluster: task.cluster.clone(),
                            id: task.id.clone(),
                            cpu,
                            memory_mib,
                        });
                    }
                }
                spot.sort_by_key(|t| std::cmp::Reverse((t.memory_mib, t.cpu)));
                while remaining > 0 {
                    let spot_cpu: i64 = spot.iter().map(|t| t.cpu).sum();
                    let spot_memory: i64 = spot.iter().map(|t| t.memory_mib).sum();
                    if free_cpu + spot_cpu < need_cpu || free_memory + spot_memory < need_memory {
                        break;
                    }
                    while free_cpu < need_cpu || free_memory < need_memory {
                        let task = spot.remove(0);
                        free_cpu += task.cpu;
                        free_memory += task.memory_mib;
                        victims.push(task);
                    }
                    free_cpu -= need_cpu;
                    free_memory -= need_memory;
                    remaining -= 1;
                }
            }
            victims
        };
        let mut interrupted = Vec::new();
        for task in victims {
            tracing::info!(task = %task.id, "interrupting a FARGATE_SPOT task for on-demand capacity");
            self.request_stop(
                &task.cluster,
                &task.id,
                SPOT_INTERRUPTION,
                SPOT_INTERRUPTED_REASON,
            )
            .await?;
            interrupted.push(task.id);
        }
        Ok(interrupted)
    }
}

/// How many of the tasks a launch could not place were for on-demand FARGATE capacity:
/// all of them for `launchType: FARGATE`, else those whose provider is FARGATE (the
/// providers are in placement order, so the unplaced are the last).
pub(crate) fn unplaced_on_demand(providers: &[String], wanted: usize, placed: usize) -> usize {
    if providers.is_empty() {
        return wanted.saturating_sub(placed);
    }
    providers
        .iter()
        .skip(placed)
        .filter(|p| p.as_str() != FARGATE_SPOT)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(name: &str, base: i32, weight: i32) -> CapacityProviderStrategyItem {
        CapacityProviderStrategyItem {
            capacity_provider: name.to_owned(),
            base: Some(base),
            weight: Some(weight),
        }
    }

    #[test]
    fn base_first_then_weights() {
        let strategy = [item(FARGATE, 2, 1), item(FARGATE_SPOT, 0, 3)];
        let names = providers_for(&strategy, |_| 0, 10);
        assert_eq!(&names[..2], [FARGATE, FARGATE]);
        let spot = names[2..].iter().filter(|n| *n == FARGATE_SPOT).count();
        assert_eq!(spot, 6, "{names:?}");
    }

    #[test]
    fn no_strategy_names_no_provider() {
        assert!(providers_for(&[], |_| 0, 3).is_empty());
    }

    #[test]
    fn existing_tasks_count_towards_shares() {
        let strategy = [item(FARGATE, 0, 1), item(FARGATE_SPOT, 0, 1)];
        let names = providers_for(&strategy, |n| usize::from(n == FARGATE) * 3, 2);
        assert_eq!(names, [FARGATE_SPOT, FARGATE_SPOT]);
    }

    #[test]
    fn capacity_rules() {
        let both = resolve_capacity(
            Some(LaunchType::Fargate),
            Some(&[item(FARGATE, 0, 1)]),
            None,
        );
        assert!(both.unwrap_err().to_string().contains("both a launch type"));
        let unknown = resolve_capacity(None, Some(&[item("mine", 0, 1)]), None);
        assert!(unknown.unwrap_err().to_string().contains("not associated"));
        let zero = resolve_capacity(
            None,
            Some(&[item(FARGATE, 0, 0), item(FARGATE_SPOT, 0, 0)]),
            None,
        );
        assert!(zero
            .unwrap_err()
            .to_string()
            .contains("weight greater than zero"));
        let bases = resolve_capacity(
            None,
            Some(&[item(FARGATE, 1, 1), item(FARGATE_SPOT, 1, 1)]),
            None,
        );
        assert!(bases.unwrap_err().to_string().contains("base"));
        let ok = resolve_capacity(None, Some(&[item(FARGATE_SPOT, 0, 1)]), Some("1.4.0")).unwrap();
        assert_eq!(ok.launch_type, LaunchType::Fargate);
        let old = resolve_capacity(Some(LaunchType::Fargate), None, Some("1.3.0"));
        assert!(old.unwrap_err().to_string().contains("does not exist"));
        let ec2 = resolve_capacity(None, None, Some("LATEST"));
        assert!(ec2.unwrap_err().to_string().contains("must be null"));
        let latest = resolve_capacity(Some(LaunchType::Fargate), None, None).unwrap();
        assert_eq!(latest.platform_version.as_deref(), Some(LATEST));
    }
}
