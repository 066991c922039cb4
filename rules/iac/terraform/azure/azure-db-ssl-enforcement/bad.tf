resource "azurerm_postgresql_server" "main" {
  name                    = "example-pg"
  resource_group_name     = "example"
  location                = "westeurope"
  sku_name                = "GP_Gen5_2"
  version                 = "11"
  ssl_enforcement_enabled = false # expect
}

resource "azurerm_mysql_server" "main" { # expect
  name                = "example-mysql"
  resource_group_name = "example"
  location            = "westeurope"
  sku_name            = "GP_Gen5_2"
  version             = "8.0"
}
