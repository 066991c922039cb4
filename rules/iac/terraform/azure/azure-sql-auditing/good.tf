# Reason: an auditing policy refers to the server.
resource "azurerm_mssql_server" "main" {
  name                = "example-sql"
  resource_group_name = "example"
  location            = "westeurope"
  version             = "12.0"
}

resource "azurerm_mssql_server_extended_auditing_policy" "main" {
  server_id              = azurerm_mssql_server.main.id
  log_monitoring_enabled = true
}
