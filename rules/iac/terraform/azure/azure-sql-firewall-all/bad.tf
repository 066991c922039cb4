resource "azurerm_mssql_firewall_rule" "all" {
  name             = "all"
  server_id        = "example"
  start_ip_address = "0.0.0.0" # expect
  end_ip_address   = "255.255.255.255"
}

resource "azurerm_postgresql_flexible_server_firewall_rule" "all" {
  name             = "all"
  server_id        = "example"
  start_ip_address = "0.0.0.0" # expect
  end_ip_address   = "255.255.255.255"
}
