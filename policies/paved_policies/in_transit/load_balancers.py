"""encryption-in-transit for load balancers beyond the listeners of ``encryption_in_transit``:
Classic Load Balancer listeners and TLS negotiation policies, and target groups reached over plain
HTTP end to end."""

from __future__ import annotations

import re
from typing import Final

from pulumi_policy import PolicyResource, ResourceValidationArgs, Severity, StackValidationArgs

from paved_policies import types as t
from paved_policies.joins import StackIndex
from paved_policies.policy import ENCRYPTION_IN_TRANSIT, STACK, Equivalents, Report, define_policy
from paved_policies.props import get, items, shown, text, truth
from paved_policies.unknown import UNKNOWN

_PLAIN: Final = frozenset({"http", "tcp"})


def _classic_listeners(args: ResourceValidationArgs, report: Report) -> None:
    for listener in items(get(args.props, "listeners")):
        protocol, port = text(get(listener, "lbProtocol")), get(listener, "lbPort")
        if listener is UNKNOWN or not isinstance(protocol, str):
            continue
        if protocol.lower() in _PLAIN:
            report(f"Classic Load Balancer listener on port {shown(port)} accepts plain {protocol.upper()}.")
        elif get(listener, "sslCertificateId") in (None, ""):
            report(f"Classic Load Balancer {protocol.upper()} listener on port {shown(port)} names no certificate.")


classic_lb_listener_tls = define_policy(
    name="classic-lb-listener-tls",
    description=(
        "Checks that Classic Load Balancer listeners accept clients only over HTTPS or SSL, with a certificate."
    ),
    validate=_classic_listeners,
    resource_types=[t.CLASSIC_LOAD_BALANCER],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.HIGH,
    remediation_steps=(
        "Set every listener's lbProtocol to https or ssl with sslCertificateId (an ACM certificate), or move to "
        "an Application Load Balancer with an HTTPS listener."
    ),
    equivalents=Equivalents(cdk_nag=("AwsSolutions-ELB5",), checkov=("CKV_AWS_376",)),
)

_OLD_PROTOCOLS: Final = frozenset({"Protocol-SSLv2", "Protocol-SSLv3", "Protocol-TLSv1", "Protocol-TLSv1.1"})
_STRONG_CIPHER: Final = re.compile(
    r"^(ECDHE-(ECDSA|RSA)-AES(128|256)-GCM-SHA(256|384)|TLS_AES_(128|256)_GCM_SHA(256|384))$"
)
"""OpenSSL names of the AEAD, forward-secret suites that ELBSecurityPolicy-TLS13-1-2-2021-06 keeps
(Elastic Load Balancing User Guide, "Security policies for your Classic Load Balancer")."""


def _attribute_problem(name: str, value: object) -> str | None:
    """What a negotiation policy attribute weakens, ``None`` if nothing."""
    if name == "Reference-Security-Policy":
        policy = str(value)
        return None if re.search(r"TLS(13)?-1-2", policy) else f"refers to {policy}, which accepts TLS older than 1.2"
    if truth(value, default=False) is not True:
        return None
    if name in _OLD_PROTOCOLS:
        return f"enables {name.removeprefix('Protocol-')}"
    if name.startswith("Protocol-") or name == "Server-Defined-Cipher-Order" or _STRONG_CIPHER.match(name):
        return None
    return f"enables the weak cipher {name}"


def _negotiation(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if text(get(props, "policyTypeName")) != "SSLNegotiationPolicyType":
        return
    for attribute in items(get(props, "policyAttributes")):
        name, value = text(get(attribute, "name")), get(attribute, "value")
        if isinstance(name, str) and value is not UNKNOWN:
            problem = _attribute_problem(name, value)
            if problem is not None:
                report(f"Classic Load Balancer TLS policy {problem}.")


classic_lb_policy_tls = define_policy(
    name="classic-lb-policy-tls",
    description=(
        "Checks that Classic Load Balancer TLS negotiation policies allow only TLS 1.2 or newer with strong ciphers."
    ),
    validate=_negotiation,
    resource_types=[t.CLASSIC_LB_POLICY],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.HIGH,
    remediation_steps=(
        "Set Reference-Security-Policy to ELBSecurityPolicy-TLS-1-2-2017-01 (or newer) and list no older "
        "protocol or non-AEAD cipher."
    ),
    equivalents=Equivalents(checkov=("CKV_AWS_213",)),
)


def _group_identifiers(stack: StackIndex) -> dict[str, str]:
    """Each target group's known ARN, id and name → its URN (built once per run)."""
    return {
        value: group.urn
        for group in stack.of_types(t.LB_TARGET_GROUPS)
        for key in ("arn", "id", "name")
        if isinstance(value := get(group.props, key), str)
    }


def _forwarded_groups(resource: PolicyResource, prop: str, by_identifier: dict[str, str]) -> set[str] | None:
    """The target groups a listener's or listener rule's actions forward to, by the engine's property
    dependencies or by ARN; ``None`` if an ARN is unknown and no dependency tells."""
    found = {d.urn for d in resource.property_dependencies.get(prop) or () if d.resource_type in t.LB_TARGET_GROUPS}
    for action in items(get(resource.props, prop)):
        forward = items(get(action, "forward", "targetGroups"))
        for arn in [get(action, "targetGroupArn"), *(get(group, "arn") for group in forward)]:
            if arn is UNKNOWN and not found:
                return None
            if isinstance(arn, str) and arn in by_identifier:
                found.add(by_identifier[arn])
    return found


def _target_groups_over_plain_http(args: StackValidationArgs, report: Report) -> None:
    """A target group on HTTP is fine behind an HTTPS or TLS listener (TLS ends at the load balancer,
    as in paved's container mode); with only HTTP listeners, or none, the traffic is plain end to end.
    Groups a listener rule forwards to are left alone: the rule's listener decides."""
    stack = StackIndex(args.resources)
    by_identifier = _group_identifiers(stack)
    excused: set[str] = set()
    for listener in stack.of_types(t.LB_LISTENERS):
        protocol = get(listener.props, "protocol")
        forwarded = _forwarded_groups(listener, "defaultActions", by_identifier)
        if protocol is UNKNOWN or forwarded is None:
            return
        if str(protocol or "HTTP").upper() in ("HTTPS", "TLS"):
            excused |= forwarded
    for rule in stack.of_types(t.LB_LISTENER_RULES):
        forwarded = _forwarded_groups(rule, "actions", by_identifier)
        if forwarded is None:
            return
        excused |= forwarded
    for group in stack.of_types(t.LB_TARGET_GROUPS):
        protocol = get(group.props, "protocol")
        if protocol is UNKNOWN or group.urn in excused or str(protocol or "").upper() != "HTTP":
            continue
        report("Target group receives plain HTTP and no HTTPS or TLS listener forwards to it.", group.urn)


lb_target_group_behind_tls = define_policy(
    name="lb-target-group-behind-tls",
    kind=STACK,
    description=(
        "Checks that load balancer target groups on plain HTTP are reached through an HTTPS or TLS listener, so "
        "traffic is encrypted up to the load balancer."
    ),
    validate=_target_groups_over_plain_http,
    resource_types=t.LB_TARGET_GROUPS,
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Forward to the target group from an HTTPS listener (paved's container mode does), or set its protocol "
        "to HTTPS."
    ),
    equivalents=Equivalents(checkov=("CKV_AWS_378",)),
)
