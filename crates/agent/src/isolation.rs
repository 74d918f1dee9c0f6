//! Applies a task's isolation tier (`docs/isolation.md`) to its containers' specs, and
//! names the tiers this host can run for registration.
//!
//! The server chose the tier and already refused what the tier forbids (privileged
//! containers, added capabilities other than `SYS_PTRACE`, host bind mounts, devices,
//! host namespaces); the agent only adds the restrictions, so a container spec never
//! loses one of its own.

use berth_api::protocol::{Isolation, GVISOR_RUNTIME};

use crate::runtime::ContainerSpec;

/// Capabilities of Docker's default set that hardened tiers drop: each reaches a part of
/// the host kernel that a container sharing it should not touch (device nodes, raw
/// packets on the host's network stack, the host's audit log). Fargate keeps them, but
/// there every task has a kernel of its own.
pub const HARDENED_DROPPED_CAPABILITIES: [&str; 3] = ["MKNOD", "NET_RAW", "AUDIT_WRITE"];

/// Adds the tier's restrictions to a container's spec: for `hardened` and `gvisor`, no
/// new privileges and [`HARDENED_DROPPED_CAPABILITIES`]; for `gvisor`, the `runsc`
/// runtime.
pub fn apply(spec: &mut ContainerSpec, isolation: Isolation) {
    if isolation >= Isolation::Hardened {
        if !spec.security_opts.iter().any(|o| o == "no-new-privileges") {
            spec.security_opts.push("no-new-privileges".to_owned());
        }
        // "ALL" already drops them.
        if !spec.cap_drop.iter().any(|c| c == "ALL") {
            for cap in HARDENED_DROPPED_CAPABILITIES {
                if !spec.cap_drop.iter().any(|c| c == cap) {
                    spec.cap_drop.push(cap.to_owned());
                }
            }
        }
        spec.privileged = false;
    }
    spec.runtime = isolation.docker_runtime().map(str::to_owned);
}

/// The tiers a host whose container runtime offers `runtimes` (Docker's `/info`
/// `Runtimes`) can run, beyond `standard`: `hardened` with runc, `gvisor` with `runsc`.
pub fn host_tiers(runtimes: &[String]) -> Vec<Isolation> {
    let has = |name: &str| runtimes.iter().any(|r| r == name);
    let mut tiers = Vec::new();
    if has("runc") {
        tiers.push(Isolation::Hardened);
    }
    if has(GVISOR_RUNTIME) {
        tiers.push(Isolation::Gvisor);
    }
    tiers
}

/// The instance attributes that advertise the host's tiers (the server's placement
/// requires them).
pub fn attributes(runtimes: &[String]) -> Vec<(String, Option<String>)> {
    host_tiers(runtimes)
        .into_iter()
        .filter_map(Isolation::attribute)
        .map(|name| (name.to_owned(), None))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hardened_adds_restrictions_and_gvisor_the_runtime() {
        let mut spec = ContainerSpec {
            cap_drop: vec!["NET_RAW".into()],
            ..Default::default()
        };
        apply(&mut spec, Isolation::Standard);
        assert_eq!(
            spec,
            ContainerSpec {
                cap_drop: vec!["NET_RAW".into()],
                ..Default::default()
            }
        );
        apply(&mut spec, Isolation::Hardened);
        assert_eq!(spec.security_opts, ["no-new-privileges"]);
        assert_eq!(spec.cap_drop, ["NET_RAW", "MKNOD", "AUDIT_WRITE"]);
        assert_eq!(spec.runtime, None);
        let mut spec = ContainerSpec {
            cap_drop: vec!["ALL".into()],
            ..Default::default()
        };
        apply(&mut spec, Isolation::Gvisor);
        assert_eq!(spec.cap_drop, ["ALL"]);
        assert_eq!(spec.runtime.as_deref(), Some("runsc"));
    }

    #[test]
    fn runtimes_become_tier_attributes() {
        let runtimes = |r: &[&str]| r.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert!(attributes(&[]).is_empty());
        assert_eq!(
            attributes(&runtimes(&["io.containerd.runc.v2", "runc", "runsc"])),
            vec![
                ("ecs.capability.berth.isolation.hardened".to_owned(), None),
                ("ecs.capability.berth.isolation.gvisor".to_owned(), None),
            ]
        );
    }
}
