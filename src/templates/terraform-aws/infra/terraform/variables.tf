variable "name" {
  description = "Prefix of every resource name, for example \"shop-prod\"."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets for the database (at least two availability zones)."
  type        = list(string)
}

variable "db_security_group_ids" {
  description = "Security groups of the database; allow only the application's group in them."
  type        = list(string)
}

variable "db_instance_class" {
  description = "Instance class of the database."
  type        = string
  default     = "db.t4g.medium"
}

variable "backup_retention_days" {
  description = "Days of automated database backups (point-in-time restore window)."
  type        = number
  default     = 14
}
