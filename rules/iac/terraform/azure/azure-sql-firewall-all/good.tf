# Reason: one office range.
resource "azurerm_mssql_firewall_rule" "office" {
  name             = "office"
  server_id        = "example"
  start_ip_address = "203.0.113.10"
  end_ip_address   = "203.0.113.20"
}

# Reason: 0.0.0.0 to 0.0.0.0 is the "allow Azure services" rule, not the internet.
resource "azurerm_mssql_firewall_rule" "azure" {
  name             = "azure"
  server_id        = "example"
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}
