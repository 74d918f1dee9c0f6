//! Isolation tiers at placement (`docs/isolation.md`): what a cluster requires (its
//! `berth:isolation` tag), which hosts may run a task (the tier's instance attribute, a
//! placement requirement like `requiresAttributes`), which tier a placed task gets
//! ([`isolation_for`]), and what a task may not ask for under a hardened tier
//! ([`check_task`]).
//!
//! Pure functions over records: no I/O, no locks.

use std::collections::BTreeMap;

use berth_api::ecs::{ContainerDefinition, IpcMode, NetworkMode, PidMode, Tag, Volume};
pub use berth_api::protocol::Isolation;

/// The cluster tag that requires a tier (at least) for every task of the cluster. A tag,
/// not a cluster setting: ECS's `ClusterSetting` names are a closed enum
/// (`containerInsights`), and the aws CLI and SDKs refuse other names before sending.
pub const CLUSTER_TAG: &str = "berth:isolation";

/// The tag berth adds to a task that runs under a tier other than `standard`, so that
/// `describe-tasks --include TAGS` and ListTagsForResource name it (ECS's Task has no
/// field for it).
pub const TASK_TAG: &str = "berth:isolation";

/// The only capability a task under a hardened tier may add, as on Fargate ("Tasks
/// launched on AWS Fargate only support adding the SYS_PTRACE kernel capability",
/// ECS API reference, `KernelCapabilities.add`).
pub const ADDABLE_CAPABILITY: &str = "SYS_PTRACE";

/// What placement knows about the task when it chooses a tier.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TaskNeeds {
    /// A FARGATE task: never `standard`.
    pub fargate: bool,
}

/// A host cannot run the tier the task needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the host cannot run isolation tier {0}")]
pub struct TierUnavailable(pub Isolation);

/// The tiers a host can run, from its instance attributes (its agent registers one
/// attribute per tier, [`Isolation::attribute`]).
pub fn host_tiers(attributes: &BTreeMap<String, Option<String>>) -> Vec<Isolation> {
    Isolation::ALL
        .into_iter()
        .filter(|tier| tier.attribute().is_none_or(|a| attributes.contains_key(a)))
        .collect()
}

/// The weakest tier the task may get anywhere: the cluster's requirement, raised to
/// `hardened` for Fargate tasks. Placement only uses hosts that can run it.
pub fn floor(needs: TaskNeeds, requirement: Option<Isolation>) -> Isolation {
    let launch = if needs.fargate {
        Isolation::Hardened
    } else {
        Isolation::Standard
    };
    requirement.unwrap_or_default().max(launch)
}

/// The instance attribute placement requires for the task, if any.
pub fn required_attribute(
    needs: TaskNeeds,
    requirement: Option<Isolation>,
) -> Option<&'static str> {
    floor(needs, requirement).attribute()
}

/// The tier a task gets on a host that can run `host` tiers: the cluster's requirement
/// (a minimum), raised to hardened runc for a Fargate task. gVisor is never chosen
/// unasked: Debian's runsc on current kernels gives containers no outbound networking of
/// their own and does not hold the task's memory limit the way runc does
/// (`docs/isolation.md`), so a cluster asks for it with its `berth:isolation` tag.
pub fn isolation_for(
    needs: TaskNeeds,
    requirement: Option<Isolation>,
    host: &[Isolation],
) -> Result<Isolation, TierUnavailable> {
    let tier = floor(needs, requirement);
    if host.contains(&tier) {
        Ok(tier)
    } else {
        Err(TierUnavailable(tier))
    }
}

/// The cluster's required tier, from its `berth:isolation` tag.
pub fn cluster_requirement(tags: &[Tag]) -> Result<Option<Isolation>, String> {
    let Some(tag) = tags.iter().find(|t| t.key.as_deref() == Some(CLUSTER_TAG)) else {
        return Ok(None);
    };
    let value = tag.value.as_deref().unwrap_or_default();
    value
        .parse()
        .map(Some)
        .map_err(|e| format!("Tag {CLUSTER_TAG}: {e}."))
}

/// A tag value for `berth:isolation` that is not a tier, on whatever resource it is
/// given; `None` when the tags have no such tag or it names a tier.
pub fn bad_tag(tags: &[Tag]) -> Option<String> {
    cluster_requirement(tags).err()
}

/// What a task definition may not ask for under `tier` (the tier's floor): for
/// `hardened` and `gvisor`, Fargate's rules that keep a task away from the host: no
/// privileged containers, no capabilities added but `SYS_PTRACE`, no host bind mounts
/// or devices, no host network, pid or IPC namespace, no unconfined seccomp or
/// AppArmor. gVisor also cannot share a pid or IPC namespace between containers.
/// The message names the field and the tier.
pub fn check_task(
    tier: Isolation,
    network_mode: NetworkMode,
    pid_mode: Option<PidMode>,
    ipc_mode: Option<IpcMode>,
    volumes: &[Volume],
    containers: &[ContainerDefinition],
) -> Result<(), String> {
    if tier < Isolation::Hardened {
        return Ok(());
    }
    let refuse = |what: String| {
        Err(format!(
            "{what} is not allowed under isolation tier {tier}, which keeps the task away from the host (docs/isolation.md)."
        ))
    };
    if network_mode == NetworkMode::Host {
        return refuse("networkMode host".into());
    }
    if pid_mode == Some(PidMode::Host) {
        return refuse("pidMode host".into());
    }
    if ipc_mode == Some(IpcMode::Host) {
        return refuse("ipcMode host".into());
    }
    if tier == Isolation::Gvisor
        && (pid_mode == Some(PidMode::Task) || ipc_mode == Some(IpcMode::Task))
    {
        return refuse(
            "pidMode or ipcMode task (gVisor runs each container in its own sandbox, so they cannot share a namespace)"
                .into(),
        );
    }
    if let Some(volume) = volumes
        .iter()
        .find(|v| v.host.as_ref().is_some_and(|h| h.source_path.is_some()))
    {
        return refuse(format!(
            "Volume '{}' with host.sourcePath (a bind mount of the host)",
            volume.name.as_deref().unwrap_or_default()
        ));
    }
    for container in containers {
        let name = container.name.as_deref().unwrap_or_default();
        if container.privileged == Some(true) {
            return refuse(format!("Container '{name}': privileged"));
        }
        let linux = container.linux_parameters.as_ref();
        if let Some(cap) = linux
            .and_then(|l| l.capabilities.as_ref())
            .and_then(|c| c.add.as_ref())
            .into_iter()
            .flatten()
            .find(|c| c.as_str() != ADDABLE_CAPABILITY)
        {
            return refuse(format!(
                "Container '{name}': linuxParameters.capabilities.add {cap} (only {ADDABLE_CAPABILITY} may be added)"
            ));
        }
        if linux
            .and_then(|l| l.devices.as_ref())
            .is_some_and(|d| !d.is_empty())
        {
            return refuse(format!("Container '{name}': linuxParameters.devices"));
        }
        if let Some(opt) = container
            .docker_security_options
            .iter()
            .flatten()
            .find(|o| o.ends_with(":unconfined") || o.ends_with("=unconfined"))
        {
            return refuse(format!("Container '{name}': dockerSecurityOptions {opt}"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use berth_api::ecs::{HostVolumeProperties, KernelCapabilities, LinuxParameters};

    use super::*;

    const EC2: TaskNeeds = TaskNeeds { fargate: false };
    const FARGATE: TaskNeeds = TaskNeeds { fargate: true };
    const ALL: &[Isolation] = &Isolation::ALL;
    const RUNC: &[Isolation] = &[Isolation::Standard, Isolation::Hardened];

    #[test]
    fn ec2_tasks_get_the_clusters_requirement_or_standard() {
        assert_eq!(isolation_for(EC2, None, ALL), Ok(Isolation::Standard));
        assert_eq!(
            isolation_for(EC2, Some(Isolation::Hardened), ALL),
            Ok(Isolation::Hardened)
        );
        assert_eq!(
            isolation_for(EC2, Some(Isolation::Gvisor), ALL),
            Ok(Isolation::Gvisor)
        );
        assert_eq!(
            isolation_for(EC2, Some(Isolation::Gvisor), RUNC),
            Err(TierUnavailable(Isolation::Gvisor))
        );
        assert_eq!(required_attribute(EC2, None), None);
        assert_eq!(
            required_attribute(EC2, Some(Isolation::Gvisor)),
            Isolation::Gvisor.attribute()
        );
    }

    #[test]
    fn fargate_tasks_get_hardened_runc_and_gvisor_when_their_cluster_asks() {
        assert_eq!(isolation_for(FARGATE, None, ALL), Ok(Isolation::Hardened));
        assert_eq!(isolation_for(FARGATE, None, RUNC), Ok(Isolation::Hardened));
        assert_eq!(
            isolation_for(FARGATE, Some(Isolation::Gvisor), ALL),
            Ok(Isolation::Gvisor)
        );
        // A requirement is a minimum: standard does not weaken a Fargate task.
        assert_eq!(
            isolation_for(FARGATE, Some(Isolation::Standard), RUNC),
            Ok(Isolation::Hardened)
        );
        assert_eq!(
            isolation_for(FARGATE, None, &[Isolation::Standard]),
            Err(TierUnavailable(Isolation::Hardened))
        );
        assert_eq!(
            required_attribute(FARGATE, None),
            Isolation::Hardened.attribute()
        );
    }

    #[test]
    fn host_tiers_come_from_the_agents_attributes() {
        let mut attributes = BTreeMap::new();
        assert_eq!(host_tiers(&attributes), vec![Isolation::Standard]);
        attributes.insert("ecs.capability.berth.isolation.hardened".into(), None);
        attributes.insert("ecs.capability.berth.isolation.gvisor".into(), None);
        assert_eq!(host_tiers(&attributes), Isolation::ALL.to_vec());
    }

    #[test]
    fn the_cluster_tag_names_a_tier() {
        let tag = |v: &str| Tag {
            key: Some(CLUSTER_TAG.into()),
            value: Some(v.into()),
        };
        assert_eq!(cluster_requirement(&[]), Ok(None));
        assert_eq!(
            cluster_requirement(&[tag("gvisor")]),
            Ok(Some(Isolation::Gvisor))
        );
        let err = cluster_requirement(&[tag("firecracker")]).unwrap_err();
        assert!(
            err.contains("'firecracker' is not an isolation tier"),
            "{err}"
        );
    }

    #[test]
    fn hardened_tiers_refuse_what_reaches_the_host() {
        let container = |f: fn(&mut ContainerDefinition)| {
            let mut c = ContainerDefinition {
                name: Some("app".into()),
                ..Default::default()
            };
            f(&mut c);
            vec![c]
        };
        let check = |tier, containers: &[ContainerDefinition]| {
            check_task(tier, NetworkMode::Bridge, None, None, &[], containers)
        };
        let privileged = container(|c| c.privileged = Some(true));
        assert!(check(Isolation::Standard, &privileged).is_ok());
        let err = check(Isolation::Hardened, &privileged).unwrap_err();
        assert!(err.contains("'app': privileged"), "{err}");
        let caps = |add: &[&str]| {
            let add: Vec<String> = add.iter().map(|s| (*s).to_owned()).collect();
            vec![ContainerDefinition {
                name: Some("app".into()),
                linux_parameters: Some(LinuxParameters {
                    capabilities: Some(KernelCapabilities {
                        add: Some(add),
                        drop: None,
                    }),
                    ..Default::default()
                }),
                ..Default::default()
            }]
        };
        assert!(check(Isolation::Hardened, &caps(&["SYS_PTRACE"])).is_ok());
        let err = check(Isolation::Gvisor, &caps(&["NET_ADMIN"])).unwrap_err();
        assert!(err.contains("capabilities.add NET_ADMIN"), "{err}");
        let bind = Volume {
            name: Some("data".into()),
            host: Some(HostVolumeProperties {
                source_path: Some("/etc".into()),
            }),
            ..Default::default()
        };
        let err = check_task(
            Isolation::Hardened,
            NetworkMode::Bridge,
            None,
            None,
            &[bind],
            &[],
        )
        .unwrap_err();
        assert!(err.contains("Volume 'data' with host.sourcePath"), "{err}");
        let err =
            check_task(Isolation::Hardened, NetworkMode::Host, None, None, &[], &[]).unwrap_err();
        assert!(err.contains("networkMode host"), "{err}");
        assert!(check_task(
            Isolation::Hardened,
            NetworkMode::Awsvpc,
            Some(PidMode::Task),
            None,
            &[],
            &[]
        )
        .is_ok());
        let err = check_task(
            Isolation::Gvisor,
            NetworkMode::Awsvpc,
            Some(PidMode::Task),
            None,
            &[],
            &[],
        )
        .unwrap_err();
        assert!(err.contains("pidMode or ipcMode task"), "{err}");
    }
}
