resource "azurerm_mssql_server" "main" { # expect
  name                = "example-sql"
  resource_group_name = "example"
  location            = "westeurope"
  version             = "12.0"
}

resource "azurerm_mssql_server" "off" {
  name                = "example-sql-off"
  resource_group_name = "example"
  location            = "westeurope"
  version             = "12.0"
}

resource "azurerm_mssql_server_extended_auditing_policy" "off" {
  server_id = azurerm_mssql_server.off.id
  enabled   = false # expect
}
