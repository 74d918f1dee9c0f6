//! Tags on load balancers, target groups, listeners and rules: AddTags, RemoveTags and
//! DescribeTags.
//!
//! Tags live in each resource's record (a listener's default rule's in the listener's).
//! One call may name up to 20 resources of any of those types, and changes them all in one
//! transaction, or none when one of them is missing or would exceed 50 tags.

use std::collections::BTreeMap;

use berth_api::elbv2::{
    AddTagsInput, AddTagsOutput, DescribeTagsInput, DescribeTagsOutput, RemoveTagsInput,
    RemoveTagsOutput, Tag, TagDescription,
};
use berth_store::Op;

use super::records::{ListenerRecord, LoadBalancerRecord, RuleRecord, TargetGroupRecord};
use super::{check_named, check_tags, elb_error, Change, Elbv2Arn, Lookup, RuleRef, MAX_TAGS};
use crate::app::{put_json, App};
use crate::error::Result;
use crate::identity::Access;
use crate::model::keys;

/// A record that carries tags, as read for editing.
#[derive(Clone)]
enum Tagged {
    LoadBalancer(LoadBalancerRecord),
    TargetGroup(TargetGroupRecord),
    Listener(ListenerRecord),
    Rule(RuleRecord),
}

impl Tagged {
    /// The tags of the resource `arn` within this record (a listener record holds its
    /// default rule's tags too).
    fn tags_mut(&mut self, arn: &str) -> &mut Vec<Tag> {
        match self {
            Tagged::LoadBalancer(r) => &mut r.tags,
            Tagged::TargetGroup(r) => &mut r.tags,
            Tagged::Listener(r) => {
                if r.arn == arn {
                    &mut r.tags
                } else {
                    &mut r.default_rule_tags
                }
            }
            Tagged::Rule(r) => &mut r.tags,
        }
    }

    fn put(&self, key: String) -> Result<Op> {
        match self {
            Tagged::LoadBalancer(r) => put_json(key, r),
            Tagged::TargetGroup(r) => put_json(key, r),
            Tagged::Listener(r) => put_json(key, r),
            Tagged::Rule(r) => put_json(key, r),
        }
    }
}

/// The store key and record holding the tags of the resource `arn`.
fn find(lookup: &Lookup<'_>, arn: &str) -> Result<(String, Tagged)> {
    match lookup.app.parse_elbv2_arn(arn) {
        Some(Elbv2Arn::LoadBalancer { .. }) => {
            let lb = &lookup.load_balancer(arn)?.record;
            Ok((
                keys::elbv2_load_balancer(&lb.name),
                Tagged::LoadBalancer(lb.clone()),
            ))
        }
        Some(Elbv2Arn::TargetGroup { .. }) => {
            let tg = &lookup.target_group(arn)?.record;
            Ok((
                keys::elbv2_target_group(&tg.name),
                Tagged::TargetGroup(tg.clone()),
            ))
        }
        Some(Elbv2Arn::Listener { .. }) => {
            let l = &lookup.listener(arn)?.record;
            let key = keys::elbv2_listener(&l.load_balancer_name, &l.id);
            Ok((key, Tagged::Listener(l.clone())))
        }
        Some(Elbv2Arn::Rule { .. }) => match lookup.rule(arn)? {
            RuleRef::Default(l) => {
                let l = &l.record;
                let key = keys::elbv2_listener(&l.load_balancer_name, &l.id);
                Ok((key, Tagged::Listener(l.clone())))
            }
            RuleRef::Rule { rule, .. } => {
                let r = &rule.record;
                let key = keys::elbv2_rule(&r.load_balancer_name, &r.listener_id, &r.id);
                Ok((key, Tagged::Rule(r.clone())))
            }
        },
        None => Err(super::foreign_not_found(arn).unwrap_or_else(|| {
            super::validation(format!(
                "'{arn}' is not the ARN of a load balancer, target group, listener or rule."
            ))
        })),
    }
}

impl App {
    pub async fn elbv2_add_tags(&self, req: AddTagsInput) -> Result<AddTagsOutput> {
        check_tags(&req.tags)?;
        self.edit_elbv2_tags(&req.resource_arns, |tags| {
            for tag in &req.tags {
                tags.retain(|t| t.key != tag.key);
                tags.push(tag.clone());
            }
            if tags.len() > MAX_TAGS {
                return Err(elb_error(
                    "TooManyTags",
                    format!("A resource can have at most {MAX_TAGS} tags."),
                ));
            }
            Ok(())
        })
        .await?;
        Ok(AddTagsOutput {})
    }

    pub async fn elbv2_remove_tags(&self, req: RemoveTagsInput) -> Result<RemoveTagsOutput> {
        if req.tag_keys.is_empty() {
            return Err(super::validation("At least one tag key must be given."));
        }
        self.edit_elbv2_tags(&req.resource_arns, |tags| {
            tags.retain(|t| !req.tag_keys.contains(&t.key));
            Ok(())
        })
        .await?;
        Ok(RemoveTagsOutput {})
    }

    pub async fn elbv2_describe_tags(&self, req: DescribeTagsInput) -> Result<DescribeTagsOutput> {
        check_resource_arns(&req.resource_arns)?;
        let view = self.view.read();
        let lookup = Lookup::new(self, &view);
        let mut out = Vec::with_capacity(req.resource_arns.len());
        for arn in &req.resource_arns {
            let (_, mut record) = find(&lookup, arn)?;
            out.push(TagDescription {
                resource_arn: Some(arn.clone()),
                tags: Some(record.tags_mut(arn).clone()),
            });
        }
        Ok(DescribeTagsOutput {
            tag_descriptions: Some(out),
        })
    }

    /// Applies `edit` to the tags of every resource named, in one transaction.
    async fn edit_elbv2_tags(
        &self,
        arns: &[String],
        edit: impl Fn(&mut Vec<Tag>) -> Result<()>,
    ) -> Result<()> {
        check_resource_arns(arns)?;
        self.elbv2_change(|view| {
            let lookup = Lookup::new(self, view);
            let mut edited: BTreeMap<String, Tagged> = BTreeMap::new();
            for arn in arns {
                let (key, record) = find(&lookup, arn)?;
                let record = edited.entry(key).or_insert(record);
                edit(record.tags_mut(arn))?;
            }
            let ops = edited
                .iter()
                .map(|(key, record)| record.put(key.clone()))
                .collect::<Result<Vec<_>>>()?;
            Ok(Change::write(ops, ()))
        })
        .await
    }
}

impl App {
    /// `action` on the resource `arn`, with `elasticloadbalancing:ResourceTag/KEY` for each
    /// tag it has (none when it is not found: the call then fails on its own).
    pub(crate) fn elbv2_access(&self, action: &str, arn: &str) -> Access {
        let mut access = Access::new(action, arn);
        let view = self.view.read();
        if let Ok((_, mut record)) = find(&Lookup::new(self, &view), arn) {
            for tag in record.tags_mut(arn).iter() {
                access.context.push((
                    format!("elasticloadbalancing:ResourceTag/{}", tag.key),
                    tag.value.clone().unwrap_or_default(),
                ));
            }
        }
        access
    }
}

fn check_resource_arns(arns: &[String]) -> Result<()> {
    if arns.is_empty() {
        return Err(super::validation(
            "At least one resource ARN must be given.",
        ));
    }
    check_named("resources", arns.len())
}
