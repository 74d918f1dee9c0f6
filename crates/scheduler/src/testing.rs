//! Fake clusters for tests and benchmarks: N instances of mixed sizes (2–16
//! vCPU, 4–64 GiB) spread over five availability zones, plus a builder for a
//! single instance. Deterministic for a given seed.

use std::collections::{BTreeMap, BTreeSet};

use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};

use crate::model::{Instance, InstanceStatus, LaunchType, Resources};

/// The five zones fake instances are spread over, round-robin.
pub const ZONES: [&str; 5] = [
    "us-east-1a",
    "us-east-1b",
    "us-east-1c",
    "us-east-1d",
    "us-east-1e",
];

/// (instance type, vCPU, GiB) of the fake fleet.
const TYPES: [(&str, i64, i64); 9] = [
    ("t3.medium", 2, 4),
    ("m5.large", 2, 8),
    ("c5.xlarge", 4, 8),
    ("m5.xlarge", 4, 16),
    ("r5.xlarge", 4, 32),
    ("m5.2xlarge", 8, 32),
    ("r5.2xlarge", 8, 64),
    ("c5.4xlarge", 16, 32),
    ("m5.4xlarge", 16, 64),
];

/// The container instance ARN of fake instance `n`.
pub fn instance_arn(n: usize) -> String {
    format!("arn:aws:ecs:us-east-1:000000000000:container-instance/default/{n:032x}")
}

/// `count` GPU IDs for fake instance `n`, in the form `nvidia-smi` reports them
/// (`GPU-` and a UUID), distinct across instances.
pub fn gpu_ids(n: usize, count: usize) -> BTreeSet<String> {
    (0..count)
        .map(|k| format!("GPU-{n:08x}-0000-0000-0000-{k:012x}"))
        .collect()
}

/// An empty, ACTIVE, connected EC2 instance with the standard ECS attributes.
pub fn instance(n: usize, vcpu: i64, gib: i64, zone: &str, instance_type: &str) -> Instance {
    let mut attributes = BTreeMap::new();
    attributes.insert("ecs.availability-zone".to_string(), Some(zone.to_string()));
    attributes.insert(
        "ecs.instance-type".to_string(),
        Some(instance_type.to_string()),
    );
    attributes.insert("ecs.os-type".to_string(), Some("linux".to_string()));
    attributes.insert(
        "ecs.cpu-architecture".to_string(),
        Some("x86_64".to_string()),
    );
    attributes.insert(
        "com.amazonaws.ecs.capability.docker-remote-api.1.44".to_string(),
        None,
    );
    Instance {
        id: instance_arn(n),
        ec2_instance_id: Some(format!("i-{n:017x}")),
        status: InstanceStatus::Active,
        agent_connected: true,
        agent_version: Some("1.80.0".to_string()),
        launch_type: LaunchType::Ec2,
        registered: Resources {
            cpu: vcpu * 1024,
            memory_mib: gib * 1024,
            // The ports the ECS agent reserves by default.
            tcp_ports: BTreeSet::from([22, 2375, 2376, 51678, 51679]),
            udp_ports: BTreeSet::new(),
            gpus: BTreeSet::new(),
        },
        used: Resources::default(),
        attributes,
        instance_type: Some(instance_type.to_string()),
        registered_at: 1_700_000_000.0 + n as f64 * 60.0,
        running_tasks_count: 0,
        task_groups: BTreeMap::new(),
    }
}

/// `n` fake instances of random types from the fleet, zones round-robin.
pub fn instances(n: usize, seed: u64) -> Vec<Instance> {
    let mut rng = SmallRng::seed_from_u64(seed);
    (0..n)
        .map(|i| {
            let (ty, vcpu, gib) = TYPES[rng.gen_range(0..TYPES.len())];
            instance(i, vcpu, gib, ZONES[i % ZONES.len()], ty)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fleet_is_mixed_and_deterministic() {
        let a = instances(200, 7);
        assert_eq!(a, instances(200, 7));
        let cpus: BTreeSet<i64> = a.iter().map(|i| i.registered.cpu).collect();
        let mems: BTreeSet<i64> = a.iter().map(|i| i.registered.memory_mib).collect();
        assert_eq!(cpus.first(), Some(&2048));
        assert_eq!(cpus.last(), Some(&16384));
        assert_eq!(mems.first(), Some(&4096));
        assert_eq!(mems.last(), Some(&65536));
        let zones: BTreeSet<_> = a
            .iter()
            .filter_map(|i| i.attribute("ecs.availability-zone").flatten())
            .collect();
        assert_eq!(zones.len(), 5);
    }
}
