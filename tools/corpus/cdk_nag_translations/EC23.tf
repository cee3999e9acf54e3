# AwsSolutions-EC23, translated by hand from cdklabs/cdk-nag test/rules/EC2.test.ts,
# describe('EC2RestrictedInbound'). compliance_* must pass, noncompliance_* fail.

# Noncompliance 1: SecurityGroup.addIngressRule(Peer.anyIpv4(), Port.allTraffic())
resource "aws_security_group" "noncompliance_1" {
  ingress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Noncompliance 2: a CfnSecurityGroupIngress for tcp from 0.0.0.0/0
resource "aws_security_group_rule" "noncompliance_2" {
  type              = "ingress"
  protocol          = "tcp"
  from_port         = 0
  to_port           = 65535
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = "sg-0123456789abcdef0"
}

# Noncompliance 3: a CfnSecurityGroupIngress for tcp from an IPv6 /0
resource "aws_security_group_rule" "noncompliance_3" {
  type              = "ingress"
  protocol          = "tcp"
  from_port         = 0
  to_port           = 65535
  ipv6_cidr_blocks  = ["ff:ff:ff:ff:ff:ff:ff:ff/0"]
  security_group_id = "sg-0123456789abcdef0"
}

# Noncompliance 4: SecurityGroup.addIngressRule(Peer.anyIpv6(), Port.allTraffic())
resource "aws_security_group" "noncompliance_4" {
  ingress {
    protocol         = "-1"
    from_port        = 0
    to_port          = 0
    ipv6_cidr_blocks = ["::/0"]
  }
}

# Compliance: ingress from one IPv4 host, one IPv6 host, and a group with no ingress
resource "aws_security_group" "compliance_ipv4_host" {
  ingress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["1.2.3.4/32"]
  }
}

resource "aws_security_group_rule" "compliance_tcp_host" {
  type              = "ingress"
  protocol          = "tcp"
  from_port         = 0
  to_port           = 65535
  cidr_blocks       = ["1.2.3.4/32"]
  security_group_id = "sg-0123456789abcdef0"
}

resource "aws_security_group_rule" "compliance_ipv6_host" {
  type              = "ingress"
  protocol          = "tcp"
  from_port         = 0
  to_port           = 65535
  ipv6_cidr_blocks  = ["1234:5678:9abc:def1:2345:6789:abcd:ef12/128"]
  security_group_id = "sg-0123456789abcdef0"
}

resource "aws_security_group" "compliance_no_ingress" {
  description = "no inbound rules"
}
