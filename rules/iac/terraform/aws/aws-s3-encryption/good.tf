# Reason: a separate encryption resource refers to the bucket and uses a KMS key.
resource "aws_s3_bucket" "kms" {
  bucket = "example-kms"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "kms" {
  bucket = aws_s3_bucket.kms.bucket

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
  }
}

# Reason: the algorithm is read from a local whose value is "aws:kms".
locals {
  algorithm = "aws:kms"
}

resource "aws_s3_bucket" "from_local" {
  bucket = "example-local"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "from_local" {
  bucket = aws_s3_bucket.from_local.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = local.algorithm
    }
  }
}

# Reason: the encryption resource names the bucket by its literal name.
resource "aws_s3_bucket" "by_name" {
  bucket = "example-by-name"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "by_name" {
  bucket = "example-by-name"

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms:dsse"
    }
  }
}

# Reason: count is 0, so the bucket is never created.
resource "aws_s3_bucket" "disabled" {
  count  = 0
  bucket = "example-disabled"
}

# Reason: one encryption resource per bucket of a for_each, referring through each.value.
resource "aws_s3_bucket" "tenants" {
  for_each = toset(["a", "b"])
  bucket   = "example-tenant-${each.key}"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "tenants" {
  for_each = aws_s3_bucket.tenants
  bucket   = each.value.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
