resource "azurerm_linux_web_app" "app" {
  name                = "example-app"
  resource_group_name = "example"
  location            = "westeurope"
  service_plan_id     = "example"
  https_only          = true

  site_config {
    minimum_tls_version = "1.0" # expect
  }
}

resource "azurerm_app_service" "legacy" {
  name                = "example-legacy"
  resource_group_name = "example"
  location            = "westeurope"
  app_service_plan_id = "example"

  site_config {
    min_tls_version = "1.1" # expect
  }
}
