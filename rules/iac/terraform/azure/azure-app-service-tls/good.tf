# Reason: left out, the minimum is TLS 1.2.
resource "azurerm_linux_web_app" "app" {
  name                = "example-app"
  resource_group_name = "example"
  location            = "westeurope"
  service_plan_id     = "example"
  https_only          = true

  site_config {}
}

# Reason: TLS 1.3.
resource "azurerm_windows_web_app" "win" {
  name                = "example-win"
  resource_group_name = "example"
  location            = "westeurope"
  service_plan_id     = "example"
  https_only          = true

  site_config {
    minimum_tls_version = "1.3"
  }
}
