"""Forward inbound mail that SES stored in S3 to the configured addresses."""
