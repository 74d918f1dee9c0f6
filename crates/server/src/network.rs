//! awsvpc task networking, the control plane's half: subnets, security groups, each
//! host's slice of a subnet, and task addresses, as records and as the indexed view of
//! them. Everything here is pure: the app layer (`app/network.rs`) reads the view, asks
//! [`Allocator`] for addresses while it holds the placement lock, and writes what it
//! returns in the same transaction as the tasks.
//!
//! Layout of a subnet: its CIDR is cut into equal slices of `/host_prefix` (a /24 by
//! default), and each container instance that runs an awsvpc task in the subnet gets one
//! slice, recorded durably at its first such task (`/network/slices/SUBNET/INDEX`, never
//! given to another instance while it exists). The slice's first usable address is the
//! host's gateway (its bridge); its tasks get the others, lowest free first, each
//! recorded under `/network/addresses/SUBNET/IP` in the task's transaction with a
//! compare that the key is absent, so an address is never given twice even if the
//! in-memory bookkeeping were wrong. An address is freed (its key deleted) by the
//! `address_release` reconciler once its task is STOPPED or forgotten.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::net::Ipv4Addr;

pub use berth_api::protocol::private_dns_name;
use berth_api::protocol::{IngressRule, TaskNetwork};
use ipnet::Ipv4Net;
use serde::{Deserialize, Serialize};

/// Key prefixes of the network records.
pub mod keys {
    pub const SUBNETS: &str = "/network/subnets/";
    pub const SECURITY_GROUPS: &str = "/network/security-groups/";
    pub const SLICES: &str = "/network/slices/";
    pub const ADDRESSES: &str = "/network/addresses/";

    pub fn subnet(id: &str) -> String {
        format!("{SUBNETS}{id}")
    }
    pub fn security_group(id: &str) -> String {
        format!("{SECURITY_GROUPS}{id}")
    }
    /// Zero-padded, so that a range over a subnet's slices sorts by index.
    pub fn slice(subnet: &str, index: u32) -> String {
        format!("{SLICES}{subnet}/{index:010}")
    }
    pub fn address(subnet: &str, address: std::net::Ipv4Addr) -> String {
        format!("{ADDRESSES}{subnet}/{address}")
    }
}

/// The most subnets and security groups one `awsvpcConfiguration` names, as ECS.
pub const MAX_SUBNETS: usize = 16;
pub const MAX_SECURITY_GROUPS: usize = 5;
/// The most ingress rules one security group has (EC2's default quota is 60).
pub const MAX_INGRESS_RULES: usize = 60;
/// The slice size a subnet gets when none is given: a /24 per host.
pub const DEFAULT_HOST_PREFIX: u8 = 24;
/// The smallest slice: a /28 holds 13 tasks after the network, gateway and broadcast.
pub const MAX_HOST_PREFIX: u8 = 28;
/// The name of the security group every server has.
pub const DEFAULT_SECURITY_GROUP: &str = "default";

/// A subnet: an IPv4 range berth hands task addresses out of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubnetRecord {
    /// `subnet-` and 17 hex digits.
    pub id: String,
    pub cidr: String,
    pub name: String,
    /// Each host's slice is a `/host_prefix`.
    pub host_prefix: u8,
    pub created_at: f64,
}

impl SubnetRecord {
    /// The subnet's network. Records are checked when made, so this only fails on a
    /// record damaged in the store.
    pub fn net(&self) -> Option<Ipv4Net> {
        self.cidr.parse().ok()
    }

    /// How many slices the subnet has.
    pub fn slice_count(&self) -> u32 {
        let Some(net) = self.net() else { return 0 };
        1u32 << (self.host_prefix - net.prefix_len()).min(31)
    }

    /// Slice `index` of the subnet.
    pub fn slice(&self, index: u32) -> Option<Ipv4Net> {
        let net = self.net()?;
        let size = 1u32 << (32 - self.host_prefix);
        let base = u32::from(net.network()).checked_add(index.checked_mul(size)?)?;
        let slice = Ipv4Net::new(Ipv4Addr::from(base), self.host_prefix).ok()?;
        net.contains(&slice).then_some(slice)
    }
}

/// A security group: what may reach the tasks that have it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SecurityGroupRecord {
    /// `sg-` and 17 hex digits.
    pub id: String,
    pub name: String,
    pub description: String,
    pub ingress: Vec<IngressRule>,
    pub created_at: f64,
}

/// A host's slice of a subnet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SliceRecord {
    pub subnet_id: String,
    pub index: u32,
    pub cluster: String,
    pub instance_id: String,
}

/// A task's address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressRecord {
    pub subnet_id: String,
    pub address: String,
    pub cluster: String,
    pub task_id: String,
}

/// A fresh `PREFIX-` and 17 hex digits ID (subnets, security groups, ENIs).
pub fn new_resource_id(prefix: &str) -> String {
    let hex = uuid::Uuid::new_v4().simple().to_string();
    format!("{prefix}-{}", &hex[..17])
}

/// Whether `id` is `PREFIX-` and 8 or 17 lowercase hex digits, as EC2's IDs.
pub fn is_resource_id(prefix: &str, id: &str) -> bool {
    id.strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('-'))
        .is_some_and(|hex| {
            matches!(hex.len(), 8 | 17)
                && hex
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
}

/// Why a subnet or security group cannot be made as asked. The message says what to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct NetworkInputError(pub String);

/// Checks a new subnet's CIDR and slice size, and that it overlaps no other subnet.
pub fn check_subnet(
    cidr: &str,
    host_prefix: u8,
    existing: &BTreeMap<String, SubnetRecord>,
) -> Result<Ipv4Net, NetworkInputError> {
    let net: Ipv4Net = cidr.parse().map_err(|_| {
        NetworkInputError(format!(
            "The CIDR '{cidr}' is invalid: give an IPv4 network such as 10.100.0.0/16."
        ))
    })?;
    if net.network() != net.addr() {
        return Err(NetworkInputError(format!(
            "The CIDR '{cidr}' has host bits set: its network is {}.",
            net.trunc()
        )));
    }
    if !(8..=MAX_HOST_PREFIX).contains(&net.prefix_len()) {
        return Err(NetworkInputError(format!(
            "The CIDR '{cidr}' is invalid: the prefix length must be between /8 and /{MAX_HOST_PREFIX}."
        )));
    }
    if host_prefix < net.prefix_len() || host_prefix > MAX_HOST_PREFIX {
        return Err(NetworkInputError(format!(
            "The host slice /{host_prefix} must be between the subnet's /{} and /{MAX_HOST_PREFIX}.",
            net.prefix_len()
        )));
    }
    for other in existing.values() {
        if let Some(other_net) = other.net() {
            if other_net.contains(&net.network()) || net.contains(&other_net.network()) {
                return Err(NetworkInputError(format!(
                    "The CIDR '{cidr}' conflicts with subnet {} ({}).",
                    other.id, other.cidr
                )));
            }
        }
    }
    Ok(net)
}

/// Checks a security group's ingress rules.
pub fn check_ingress(rules: &[IngressRule]) -> Result<(), NetworkInputError> {
    if rules.len() > MAX_INGRESS_RULES {
        return Err(NetworkInputError(format!(
            "A security group can have at most {MAX_INGRESS_RULES} ingress rules; {} were given.",
            rules.len()
        )));
    }
    for rule in rules {
        match rule.protocol.as_str() {
            "tcp" | "udp" => {
                if rule.from_port == 0 || rule.from_port > rule.to_port {
                    return Err(NetworkInputError(format!(
                        "The port range {}-{} of a {} rule is invalid: give 1-65535 with the first port not above the last.",
                        rule.from_port, rule.to_port, rule.protocol
                    )));
                }
            }
            "icmp" | "-1" => {}
            other => {
                return Err(NetworkInputError(format!(
                    "The protocol '{other}' is invalid: use tcp, udp, icmp or -1 (all)."
                )))
            }
        }
        if rule.cidr.parse::<Ipv4Net>().is_err() {
            return Err(NetworkInputError(format!(
                "The source CIDR '{}' is invalid: give an IPv4 network such as 10.0.0.0/8.",
                rule.cidr
            )));
        }
    }
    Ok(())
}

/// The MAC address Docker derives from an IPv4 address: `02:42` and its four bytes.
pub fn mac_for(address: Ipv4Addr) -> String {
    let o = address.octets();
    format!("02:42:{:02x}:{:02x}:{:02x}:{:02x}", o[0], o[1], o[2], o[3])
}

/// The network records, indexed.
#[derive(Debug, Default, Clone)]
pub struct NetworkView {
    pub subnets: BTreeMap<String, SubnetRecord>,
    pub security_groups: BTreeMap<String, SecurityGroupRecord>,
    /// (subnet, slice index) → the instance holding it.
    pub slices: BTreeMap<(String, u32), SliceRecord>,
    /// (subnet, instance ID) → its slice index.
    pub slice_of_instance: HashMap<(String, String), u32>,
    /// (subnet, address) → the task holding it, until the address is freed.
    pub addresses: BTreeMap<(String, Ipv4Addr), AddressRecord>,
}

impl NetworkView {
    /// Applies a change of a key under `/network/`; false when the key is not one.
    pub fn apply(&mut self, key: &str, value: Option<&[u8]>) -> bool {
        fn decode<T: serde::de::DeserializeOwned>(key: &str, value: &[u8]) -> Option<T> {
            serde_json::from_slice(value)
                .map_err(|e| tracing::warn!(%key, error = %e, "undecodable network record"))
                .ok()
        }
        if let Some(id) = key.strip_prefix(keys::SUBNETS) {
            match value.and_then(|v| decode::<SubnetRecord>(key, v)) {
                Some(record) => self.subnets.insert(id.to_owned(), record),
                None => self.subnets.remove(id),
            };
        } else if let Some(id) = key.strip_prefix(keys::SECURITY_GROUPS) {
            match value.and_then(|v| decode::<SecurityGroupRecord>(key, v)) {
                Some(record) => self.security_groups.insert(id.to_owned(), record),
                None => self.security_groups.remove(id),
            };
        } else if let Some(rest) = key.strip_prefix(keys::SLICES) {
            let Some((subnet, index)) = rest.split_once('/') else {
                return true;
            };
            let Ok(index) = index.parse::<u32>() else {
                return true;
            };
            let at = (subnet.to_owned(), index);
            if let Some(old) = self.slices.remove(&at) {
                self.slice_of_instance
                    .remove(&(old.subnet_id.clone(), old.instance_id.clone()));
            }
            if let Some(record) = value.and_then(|v| decode::<SliceRecord>(key, v)) {
                self.slice_of_instance
                    .insert((subnet.to_owned(), record.instance_id.clone()), index);
                self.slices.insert(at, record);
            }
        } else if let Some(rest) = key.strip_prefix(keys::ADDRESSES) {
            let Some((subnet, address)) = rest.split_once('/') else {
                return true;
            };
            let Ok(address) = address.parse::<Ipv4Addr>() else {
                return true;
            };
            let at = (subnet.to_owned(), address);
            match value.and_then(|v| decode::<AddressRecord>(key, v)) {
                Some(record) => self.addresses.insert(at, record),
                None => self.addresses.remove(&at),
            };
        } else {
            return false;
        }
        true
    }

    /// The security group named `default`.
    pub fn default_security_group(&self) -> Option<&SecurityGroupRecord> {
        self.security_groups
            .values()
            .find(|g| g.name == DEFAULT_SECURITY_GROUP)
    }
}

/// What a task asks of the network: the subnets it may be in, in order of preference,
/// and its security groups. Both already checked to exist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwsvpcRequest {
    pub subnets: Vec<String>,
    pub security_groups: Vec<String>,
}

/// A slice or address this allocation takes, to write with the task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    Slice(SliceRecord),
    Address(AddressRecord),
}

/// Why no address could be given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AllocationError {
    /// Every slice of the subnets is taken by other hosts, or the host's slices are full.
    Exhausted,
    /// A subnet or group vanished since the request was checked.
    Missing(String),
}

/// Gives out addresses while the placement lock is held: it sees the view, the
/// placements in flight (whose writes have not reached the view) and what it gave itself.
pub struct Allocator<'a> {
    view: &'a NetworkView,
    /// Slices and addresses taken but not yet in the view.
    taken_slices: BTreeMap<(String, u32), String>,
    taken_addresses: BTreeSet<(String, Ipv4Addr)>,
}

impl<'a> Allocator<'a> {
    /// An allocator over the view and the networks of the placements in flight, each
    /// with the instance it was given on.
    pub fn new<'b>(
        view: &'a NetworkView,
        in_flight: impl Iterator<Item = (&'b str, &'b TaskNetwork)>,
    ) -> Self {
        let mut allocator = Self {
            view,
            taken_slices: BTreeMap::new(),
            taken_addresses: BTreeSet::new(),
        };
        for (instance_id, network) in in_flight {
            if let Ok(address) = network.address.parse::<Ipv4Addr>() {
                allocator
                    .taken_addresses
                    .insert((network.subnet_id.clone(), address));
            }
            allocator
                .taken_slices
                .entry((network.subnet_id.clone(), network.slice_index))
                .or_insert_with(|| instance_id.to_owned());
        }
        allocator
    }

    /// The slice `instance_id` holds in `subnet`, or the lowest free one, with whether it
    /// is new (to be written with the task).
    fn slice_for(&self, subnet: &SubnetRecord, instance_id: &str) -> Option<(u32, bool)> {
        if let Some(index) = self
            .view
            .slice_of_instance
            .get(&(subnet.id.clone(), instance_id.to_owned()))
        {
            return Some((*index, false));
        }
        if let Some(((_, index), _)) = self
            .taken_slices
            .iter()
            .find(|((s, _), holder)| s == &subnet.id && holder.as_str() == instance_id)
        {
            return Some((*index, false));
        }
        (0..subnet.slice_count())
            .find(|index| {
                !self.view.slices.contains_key(&(subnet.id.clone(), *index))
                    && !self.taken_slices.contains_key(&(subnet.id.clone(), *index))
            })
            .map(|index| (index, true))
    }

    /// Gives a task on `instance_id` an address in the first of the request's subnets
    /// with room, with the claims to write in the task's transaction.
    pub fn allocate(
        &mut self,
        request: &AwsvpcRequest,
        cluster: &str,
        instance_id: &str,
        task_id: &str,
    ) -> Result<(TaskNetwork, Vec<Claim>), AllocationError> {
        let mut ingress = Vec::new();
        for id in &request.security_groups {
            let group = self
                .view
                .security_groups
                .get(id)
                .ok_or_else(|| AllocationError::Missing(id.clone()))?;
            for rule in &group.ingress {
                if !ingress.contains(rule) {
                    ingress.push(rule.clone());
                }
            }
        }
        for subnet_id in &request.subnets {
            let subnet = self
                .view
                .subnets
                .get(subnet_id)
                .ok_or_else(|| AllocationError::Missing(subnet_id.clone()))?;
            let Some((index, new_slice)) = self.slice_for(subnet, instance_id) else {
                continue;
            };
            let Some(slice) = subnet.slice(index) else {
                continue;
            };
            let Some(net) = subnet.net() else { continue };
            let first = u32::from(slice.network()) + 1;
            let last = u32::from(slice.broadcast()) - 1;
            // The first usable address is the host's gateway.
            let free = (first + 1..=last).map(Ipv4Addr::from).find(|a| {
                let at = (subnet.id.clone(), *a);
                !self.view.addresses.contains_key(&at) && !self.taken_addresses.contains(&at)
            });
            let Some(address) = free else { continue };
            let mut claims = Vec::new();
            if new_slice {
                claims.push(Claim::Slice(SliceRecord {
                    subnet_id: subnet.id.clone(),
                    index,
                    cluster: cluster.to_owned(),
                    instance_id: instance_id.to_owned(),
                }));
            }
            claims.push(Claim::Address(AddressRecord {
                subnet_id: subnet.id.clone(),
                address: address.to_string(),
                cluster: cluster.to_owned(),
                task_id: task_id.to_owned(),
            }));
            let network = TaskNetwork {
                attachment_id: uuid::Uuid::new_v4().to_string(),
                eni_id: new_resource_id("eni"),
                subnet_id: subnet.id.clone(),
                subnet_cidr: net.to_string(),
                slice_cidr: slice.to_string(),
                slice_index: index,
                gateway: Ipv4Addr::from(first).to_string(),
                address: address.to_string(),
                mac_address: mac_for(address),
                security_groups: request.security_groups.clone(),
                ingress: ingress.clone(),
            };
            self.taken_addresses.insert((subnet.id.clone(), address));
            self.taken_slices
                .entry((subnet.id.clone(), index))
                .or_insert_with(|| instance_id.to_owned());
            return Ok((network, claims));
        }
        Err(AllocationError::Exhausted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subnet(id: &str, cidr: &str, host_prefix: u8) -> SubnetRecord {
        SubnetRecord {
            id: id.into(),
            cidr: cidr.into(),
            name: id.into(),
            host_prefix,
            created_at: 0.0,
        }
    }

    fn view_with(subnets: &[SubnetRecord]) -> NetworkView {
        let mut view = NetworkView::default();
        for s in subnets {
            view.subnets.insert(s.id.clone(), s.clone());
        }
        view
    }

    fn apply_claims(view: &mut NetworkView, claims: &[Claim]) {
        for claim in claims {
            match claim {
                Claim::Slice(s) => {
                    let value = serde_json::to_vec(s).expect("json");
                    view.apply(&keys::slice(&s.subnet_id, s.index), Some(&value));
                }
                Claim::Address(a) => {
                    let value = serde_json::to_vec(a).expect("json");
                    let ip: Ipv4Addr = a.address.parse().expect("ip");
                    view.apply(&keys::address(&a.subnet_id, ip), Some(&value));
                }
            }
        }
    }

    fn request(subnets: &[&str]) -> AwsvpcRequest {
        AwsvpcRequest {
            subnets: subnets.iter().map(|s| s.to_string()).collect(),
            security_groups: Vec::new(),
        }
    }

    #[test]
    fn ids_have_ec2_shapes() {
        let id = new_resource_id("subnet");
        assert!(is_resource_id("subnet", &id), "{id}");
        assert_eq!(id.len(), "subnet-".len() + 17);
        assert!(is_resource_id("sg", "sg-0123abcd"));
        assert!(!is_resource_id("sg", "sg-0123ABCD"));
        assert!(!is_resource_id("sg", "subnet-0123abcd"));
        assert!(!is_resource_id("subnet", "subnet-012"));
    }

    #[test]
    fn subnets_are_checked() {
        let mut existing = BTreeMap::new();
        assert!(check_subnet("10.100.0.0/16", 24, &existing).is_ok());
        assert!(check_subnet("10.100.0.1/16", 24, &existing)
            .unwrap_err()
            .0
            .contains("host bits"));
        assert!(check_subnet("nonsense", 24, &existing).is_err());
        assert!(check_subnet("10.100.0.0/16", 12, &existing).is_err());
        assert!(check_subnet("10.100.0.0/30", 30, &existing).is_err());
        existing.insert("subnet-a".into(), subnet("subnet-a", "10.100.0.0/16", 24));
        let err = check_subnet("10.100.5.0/24", 24, &existing).unwrap_err();
        assert!(err.0.contains("subnet-a"), "{err}");
        assert!(check_subnet("10.0.0.0/8", 24, &existing).is_err());
        assert!(check_subnet("10.101.0.0/16", 24, &existing).is_ok());
    }

    #[test]
    fn hosts_get_their_own_slices_and_addresses_are_never_given_twice() {
        let mut view = view_with(&[subnet("subnet-a", "10.100.0.0/22", 24)]);
        let mut seen = BTreeSet::new();
        for round in 0..3 {
            for host in ["i-1", "i-2"] {
                let mut allocator = Allocator::new(&view, std::iter::empty());
                let (network, claims) = allocator
                    .allocate(
                        &request(&["subnet-a"]),
                        "c",
                        host,
                        &format!("t{round}{host}"),
                    )
                    .expect("an address");
                assert!(seen.insert(network.address.clone()), "{network:?}");
                let slice: Ipv4Net = network.slice_cidr.parse().expect("slice");
                let address: Ipv4Addr = network.address.parse().expect("address");
                assert!(slice.contains(&address));
                assert_ne!(network.address, network.gateway);
                assert_eq!(network.mac_address, mac_for(address));
                apply_claims(&mut view, &claims);
            }
        }
        assert_eq!(view.slices.len(), 2);
        assert_ne!(
            view.slice_of_instance[&("subnet-a".to_string(), "i-1".to_string())],
            view.slice_of_instance[&("subnet-a".to_string(), "i-2".to_string())]
        );
        // The first task of i-1 got .2 of its slice (.1 is the gateway).
        assert!(seen.contains("10.100.0.2"), "{seen:?}");
    }

    #[test]
    fn in_flight_addresses_and_the_same_batch_are_counted() {
        let view = view_with(&[subnet("subnet-a", "10.100.0.0/24", 24)]);
        let mut allocator = Allocator::new(&view, std::iter::empty());
        let (first, _) = allocator
            .allocate(&request(&["subnet-a"]), "c", "i-1", "t1")
            .expect("first");
        let (second, _) = allocator
            .allocate(&request(&["subnet-a"]), "c", "i-1", "t2")
            .expect("second");
        assert_ne!(first.address, second.address);
        // Another allocator that sees `first` in flight does not give it again.
        let mut next = Allocator::new(&view, [("i-1", &first), ("i-1", &second)].into_iter());
        let (third, _) = next
            .allocate(&request(&["subnet-a"]), "c", "i-1", "t3")
            .expect("third");
        assert_ne!(third.address, first.address);
        assert_ne!(third.address, second.address);
    }

    #[test]
    fn a_full_slice_falls_over_to_the_next_subnet_then_is_exhausted() {
        let mut view = view_with(&[
            subnet("subnet-a", "10.100.0.0/28", 28),
            subnet("subnet-b", "10.101.0.0/28", 28),
        ]);
        let mut addresses = Vec::new();
        loop {
            let mut allocator = Allocator::new(&view, std::iter::empty());
            match allocator.allocate(&request(&["subnet-a", "subnet-b"]), "c", "i-1", "t") {
                Ok((network, claims)) => {
                    addresses.push(network.address);
                    apply_claims(&mut view, &claims);
                }
                Err(e) => {
                    assert_eq!(e, AllocationError::Exhausted);
                    break;
                }
            }
        }
        // 16 addresses less network, gateway and broadcast, in each of two subnets.
        assert_eq!(addresses.len(), 26);
        // A second host finds no slice left in either /28.
        let mut allocator = Allocator::new(&view, std::iter::empty());
        assert_eq!(
            allocator
                .allocate(&request(&["subnet-a"]), "c", "i-2", "t")
                .unwrap_err(),
            AllocationError::Exhausted
        );
    }

    #[test]
    fn ingress_rules_are_checked() {
        let rule = |protocol: &str, from: u16, to: u16, cidr: &str| IngressRule {
            protocol: protocol.into(),
            from_port: from,
            to_port: to,
            cidr: cidr.into(),
        };
        assert!(check_ingress(&[rule("tcp", 80, 80, "0.0.0.0/0")]).is_ok());
        assert!(check_ingress(&[rule("-1", 0, 0, "10.0.0.0/8")]).is_ok());
        assert!(check_ingress(&[rule("tcp", 81, 80, "0.0.0.0/0")]).is_err());
        assert!(check_ingress(&[rule("sctp", 1, 2, "0.0.0.0/0")]).is_err());
        assert!(check_ingress(&[rule("tcp", 1, 2, "10.0.0.0/33")]).is_err());
    }

    #[test]
    fn dns_names_follow_ec2() {
        assert_eq!(
            private_dns_name("10.0.1.5", "us-east-1"),
            "ip-10-0-1-5.ec2.internal"
        );
        assert_eq!(
            private_dns_name("10.0.1.5", "eu-west-1"),
            "ip-10-0-1-5.eu-west-1.compute.internal"
        );
    }
}
